using System.Globalization;
using System.Text.Json;
using Spp.Web.Http;
using Spp.Actors.Events;
using Spp.Protocol;

namespace Spp.Web.Api;

/// <summary>The name and JSON data of each process event, as <c>GET /v1/events</c> streams them.</summary>
public static class EventJson
{
    public const string Dropped = "dropped";

    public static string Name(ProcessEvent e) => e switch
    {
        ProcessEvent.Connected => "connected",
        ProcessEvent.Refused => "refused",
        ProcessEvent.Identified => "identified",
        ProcessEvent.Replaced => "replaced",
        ProcessEvent.Disconnected => "disconnected",
        ProcessEvent.TimedOut => "timed-out",
        ProcessEvent.CommandApplied => "command-applied",
        ProcessEvent.HostUp => "host-up",
        ProcessEvent.HostUnreachable => "host-unreachable",
        ProcessEvent.HostLeft => "host-left",
        ProcessEvent.OnHost remote => remote.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    /// <summary>
    /// The data as a stream that follows every host writes it: first the <c>host</c> the event happened on (this
    /// one, <paramref name="self"/>, or the one it came from), then the data as that host's plain stream has it. The
    /// <c>host-*</c> events already name the host they are about in <c>host</c> and are written as they are.
    /// </summary>
    public static byte[] DataOnHost(ProcessEvent e, string self) => e switch
    {
        ProcessEvent.OnHost remote => WithHost(remote.Host, remote.Json),
        ProcessEvent.HostChange => Data(e),
        _ => Data(e, self),
    };

    /// <summary>The data as the plain stream writes it; another host's event as that host wrote it.</summary>
    public static byte[] Data(ProcessEvent e) =>
        e is ProcessEvent.OnHost remote ? System.Text.Encoding.UTF8.GetBytes(remote.Json) : Data(e, null);

    private static byte[] Data(ProcessEvent e, string? host) => Write(json =>
    {
        if (host is not null) json.WriteString("host", host);
        json.WriteString("time", Time(e.Time));
        switch (e)
        {
            case ProcessEvent.Connected connected:
                json.WriteString("peer", connected.Peer);
                json.WriteString("port", connected.Port);
                break;
            case ProcessEvent.Refused refused:
                json.WriteString("peer", refused.Peer);
                json.WriteString("port", refused.Port);
                json.WriteString("reason", refused.Reason);
                break;
            case ProcessEvent.Identified identified:
                json.WriteString("process", identified.Process.ToString());
                json.WriteString("peer", identified.Peer);
                break;
            case ProcessEvent.Replaced replaced:
                json.WriteString("old", replaced.Old.ToString());
                json.WriteString("new", replaced.New.ToString());
                json.WriteString("old-type", replaced.Old.Type.WireName());
                json.WriteString("new-type", replaced.New.Type.WireName());
                break;
            case ProcessEvent.Disconnected disconnected:
                if (disconnected.Process is { } process) json.WriteString("process", process.ToString());
                else json.WriteNull("process");
                json.WriteString("peer", disconnected.Peer);
                json.WriteString("reason", disconnected.Reason);
                break;
            case ProcessEvent.TimedOut timedOut:
                json.WriteString("process", timedOut.Process.ToString());
                json.WriteString("command", timedOut.Command);
                json.WriteNumber("timeout-s", timedOut.Limit.TotalSeconds);
                break;
            case ProcessEvent.CommandApplied applied:
                json.WriteString("operator", applied.Operator);
                json.WriteString("process", applied.Process.ToString());
                json.WriteString("command", applied.Command);
                json.WriteString("outcome", applied.Outcome);
                json.WriteNumber("duration-ms", Math.Round(applied.Duration.TotalMilliseconds, 3));
                break;
            case ProcessEvent.HostChange change:
                json.WriteString("host", change.Host);
                json.WriteString("address", change.Address);
                break;
        }
    });

    private static byte[] WithHost(string host, string data) => Write(json =>
    {
        json.WriteString("host", host);
        using var document = JsonDocument.Parse(data);
        foreach (var member in document.RootElement.EnumerateObject().Where(m => m.Name != "host")) member.WriteTo(json);
    });

    /// <summary>The last event a subscriber that fell behind receives.</summary>
    public static byte[] DroppedData(DateTimeOffset time, int capacity) => Write(json =>
    {
        json.WriteString("time", Time(time));
        json.WriteString("reason", $"subscriber too slow: {capacity} events waiting");
    });

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        return JsonBytes.Write(json =>
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        });
    }
}
