using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// 32 operators issue mixed commands to 8 processes for 30 seconds: every request is answered, every command
/// that was answered reached its process exactly once, in each operator's order, and no two commands to one
/// process ever overlapped on the wire (a process reads one command per read: an overlap would arrive glued).
/// </summary>
public sealed partial class ExactlyOnceTests : IAsyncLifetime
{
    private const int Operators = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private Controller controller = null!;
    private readonly Dictionary<int, EmulatedProcess> processes = [];

    /// <summary>One request as an operator issued it, and the commands it must have caused.</summary>
    private sealed record Issued(int Operator, int Sequence, int Process, string[] Commands, int Status);

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        EmulatedKind[] kinds = [EmulatedKind.Vf, EmulatedKind.Vf, EmulatedKind.Vf, EmulatedKind.Mirror, EmulatedKind.Mirror,
            EmulatedKind.Mirror, EmulatedKind.Nfv, EmulatedKind.Nfv];
        for (var id = 1; id <= kinds.Length; id++) processes[id] = await controller.ConnectAsync(kinds[id - 1], id);
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    [Fact]
    public async Task Every_answered_command_reaches_its_process_exactly_once_in_order_and_never_overlaps()
    {
        var issued = new ConcurrentBag<Issued>();
        var deadline = DateTime.UtcNow + Duration;
        await Task.WhenAll(Enumerable.Range(0, Operators).Select(op => Task.Run(() => OperateAsync(op, deadline, issued))));

        Assert.NotEmpty(issued);
        Assert.All(issued, i => Assert.True(i.Status is 200 or 204, $"{i} answered {i.Status}"));
        foreach (var (id, process) in processes)
        {
            var log = Sent.Commands(process);
            Assert.All(log, command => Assert.Matches(KnownCommand(), command));
            var mine = issued.Where(i => i.Process == id).ToList();
            Assert.Equal(Counts(mine.SelectMany(i => i.Commands)), Counts(log));
            AssertOperatorOrder(log, mine);
        }
    }

    private async Task OperateAsync(int op, DateTime deadline, ConcurrentBag<Issued> issued)
    {
        var random = new Random(op);
        for (var seq = 0; DateTime.UtcNow < deadline; seq++)
        {
            var id = random.Next(1, processes.Count + 1);
            var kind = processes[id].Kind;
            var name = $"o{op}s{seq}";
            var (request, commands) = kind == EmulatedKind.Nfv
                ? NfvRequest(id, random.Next(4))
                : random.Next(3) == 0
                    ? (Get($"/v1/{Collection(kind)}/{id}"), new[] { "status" })
                    : (Post($"/v1/{Collection(kind)}/{id}/components", $$"""{"name":"{{name}}","core":2,"type":"{{(kind == EmulatedKind.Vf ? "forward" : "mirror")}}"}"""),
                        new[] { "status", $"component start {name} 2 {(kind == EmulatedKind.Vf ? "forward" : "mirror")}" });
            var response = await request();
            issued.Add(new Issued(op, seq, id, commands, (int)response.StatusCode));
            if (commands.Length == 2)
            {
                var stop = await controller.DeleteAsync($"/v1/{Collection(kind)}/{id}/components/{name}");
                issued.Add(new Issued(op, seq, id, [$"component stop {name}"], (int)stop.StatusCode));
            }
        }
    }

    private (Func<Task<HttpResponseMessage>>, string[]) NfvRequest(int id, int choice) => choice switch
    {
        0 => (Get($"/v1/nfvs/{id}"), ["status"]),
        1 => (Put($"/v1/nfvs/{id}/forward", """{"action":"start"}"""), ["forward"]),
        2 => (Put($"/v1/nfvs/{id}/forward", """{"action":"stop"}"""), ["stop"]),
        _ => (Put($"/v1/nfvs/{id}/patches", """{"src":"phy:0","dst":"phy:1"}"""), ["patch phy:0 phy:1"]),
    };

    private Func<Task<HttpResponseMessage>> Get(string path) => () => controller.GetAsync(path);
    private Func<Task<HttpResponseMessage>> Put(string path, string body) => () => controller.PutAsync(path, body);
    private Func<Task<HttpResponseMessage>> Post(string path, string body) => () => controller.PostAsync(path, body);

    private static string Collection(EmulatedKind kind) => kind == EmulatedKind.Vf ? "vfs" : kind == EmulatedKind.Mirror ? "mirrors" : "nfvs";

    private static Dictionary<string, int> Counts(IEnumerable<string> commands) =>
        commands.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Each operator's components were started and stopped in its own order, each start right after the status
    /// its gate read.
    /// </summary>
    private static void AssertOperatorOrder(IReadOnlyList<string> log, List<Issued> issued)
    {
        var position = log.Select((command, index) => (command, index))
            .Where(x => x.command.StartsWith("component "))
            .ToDictionary(x => x.command, x => x.index);
        foreach (var byOperator in issued.Where(i => i.Commands[^1].StartsWith("component ")).GroupBy(i => i.Operator))
        {
            var indices = byOperator.OrderBy(i => i.Sequence).ThenBy(i => i.Commands.Length == 1)
                .Select(i => position[i.Commands[^1]]).ToList();
            Assert.Equal(indices.Order(), indices);
        }
        foreach (var start in issued.Where(i => i.Commands.Length == 2))
            Assert.Equal("status", log[position[start.Commands[1]] - 1]);
    }

    [GeneratedRegex("^(status|forward|stop|patch phy:0 phy:1|component start o\\d+s\\d+ 2 (forward|mirror)|component stop o\\d+s\\d+)$")]
    private static partial Regex KnownCommand();
}
