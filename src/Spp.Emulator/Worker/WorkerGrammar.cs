using Spp.Emulator.Wire;

namespace Spp.Emulator.Worker;

/// <summary>Known command words of a worker-family process and their accepted token counts (word included).</summary>
internal sealed class WorkerGrammar(IReadOnlyDictionary<string, (int Min, int Max)> commands)
{
    private const int MaxTokens = 8;

    // A request longer than this overflows the parser's stack buffer.
    private const int LongestRequest = 887;

    public static WorkerGrammar VfAndMirror { get; } = new(new Dictionary<string, (int, int)>
    {
        ["_get_client_id"] = (1, 1),
        ["status"] = (1, 1),
        ["exit"] = (1, 1),
        ["component"] = (3, 5),
        ["port"] = (5, 8),
        ["classifier_table"] = (5, 6),
    });

    public static WorkerGrammar Pcap { get; } = new(new Dictionary<string, (int, int)>
    {
        ["_get_client_id"] = (1, 1),
        ["status"] = (1, 1),
        ["exit"] = (1, 1),
        ["start"] = (1, 1),
        ["stop"] = (1, 1),
    });

    /// <summary>
    /// Answers a request: a crash for input the real process crashes on (only spaces, too long), the error reply
    /// for a bad token count, an unknown word or a <see cref="CommandError"/> thrown by <paramref name="dispatch"/>.
    /// </summary>
    public Reply Answer(Request request, Func<Request, Reply> dispatch)
    {
        if (request.Tokens.Length == 0 || request.Length > LongestRequest) return Reply.Crash;
        try
        {
            Check(request);
            return dispatch(request);
        }
        catch (CommandError error)
        {
            return Reply.Text(WorkerReplies.Error(error.Message));
        }
    }

    private void Check(Request request)
    {
        if (request.Tokens.Length > MaxTokens) throw CommandError.WrongFormat();
        if (!commands.TryGetValue(request.Word, out var count)) throw CommandError.InvalidValue("command");
        if (request.Tokens.Length < count.Min || request.Tokens.Length > count.Max) throw CommandError.WrongFormat();
    }
}
