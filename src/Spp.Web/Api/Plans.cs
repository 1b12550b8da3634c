using System.Text.Json;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Protocol.Replies;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>The usual shapes of <see cref="CommandPlan"/>: a change, a status read, an exit, a flow command.</summary>
public static class Plans
{
    /// <summary>A command that changes something: <c>204</c>, or the process's error (rest-api.md 1.9.4).</summary>
    public static CommandPlan Mutation(string command) =>
        new(command, (process, replied) => Answer(process, ReplyReader.Mutation(process.Type.Family(), replied.Reply, command), _ => ApiResult.Done));

    /// <summary><c>exit</c>: the process replies or just closes; either way it is gone.</summary>
    public static CommandPlan Exit() =>
        Mutation(Protocol.Commands.Commands.Exit) with
        {
            Map = (process, replied) => replied.Reply.Length == 0
                ? ApiResult.Done
                : Answer(process, ReplyReader.Mutation(process.Type.Family(), replied.Reply, "exit"), _ => ApiResult.Done),
            Terminates = true,
        };

    /// <summary><c>status</c>, presented by <paramref name="present"/> from the status object (or worker <c>info</c>).</summary>
    public static CommandPlan Status(Func<ProcessId, JsonElement, byte[], ApiResult> present) =>
        new(Protocol.Commands.Commands.Status, (process, replied) =>
            Answer(process, ReplyReader.Status(process.Type.Family(), replied.Reply), value => present(process, value, replied.Reply)));

    /// <summary>A status reply passed through as the process sent it.</summary>
    public static CommandPlan StatusAsReported() => Status((_, _, reply) => new ApiResult.Json(reply));

    /// <summary>The primary's <c>flow</c> commands: its reply object is the answer, whatever its result.</summary>
    public static CommandPlan Flow(string command) =>
        new(command, (process, replied) => Answer(process, ReplyReader.Flow(replied.Reply), _ => new ApiResult.Json(replied.Reply)));

    public static ApiResult Answer(ProcessId process, ReplyVerdict verdict, Func<JsonElement, ApiResult> onSuccess) => verdict switch
    {
        ReplyVerdict.Accepted accepted => onSuccess(accepted.Value ?? default),
        ReplyVerdict.CommandFailed failed => ApiResult.BadRequest($"command error: {failed.Detail}"),
        ReplyVerdict.Unusable unusable => InvalidReply(process, unusable.Reason),
        _ => throw new InvalidOperationException(verdict.ToString()),
    };

    public static ApiResult InvalidReply(ProcessId process, string reason) =>
        ApiResult.ServerError($"invalid reply: {process}: {reason}");
}
