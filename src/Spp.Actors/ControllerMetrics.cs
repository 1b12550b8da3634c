using System.Diagnostics.Metrics;
using Spp.Actors.Messages;
using Spp.Protocol;

namespace Spp.Actors;

/// <summary>
/// The controller's instruments (meter <c>Spp.Controller</c>), recorded where things happen: the process actor
/// records each exchange, the registry each registration, the secondary port each identification that timed out.
/// Tags stay few and bounded: the process type, the first word of a command, an outcome name.
/// </summary>
public sealed class ControllerMetrics
{
    public const string MeterName = "Spp.Controller";

    /// <summary>Bucket bounds of the command latency histogram, in seconds.</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter meter;
    private readonly Counter<long> commands;
    private readonly Histogram<double> commandDuration;
    private readonly Counter<long> commandTimeouts;
    private readonly Counter<long> identificationTimeouts;
    private readonly Counter<long> registrations;
    private readonly Counter<long> reconnects;
    private readonly Counter<long> replacements;

    /// <summary>Instruments of a meter made by <paramref name="factory"/>, or of a meter of its own if none is given.</summary>
    public ControllerMetrics(IMeterFactory? factory = null)
    {
        meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        commands = meter.CreateCounter<long>("spp.commands",
            description: "Commands sent to SPP processes, by process type, command (first word) and outcome.");
        commandDuration = meter.CreateHistogram<double>("spp.command.duration", unit: "s",
            description: "Time from sending a command to its complete reply or failure, by process type and command.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        commandTimeouts = meter.CreateCounter<long>("spp.command.timeouts",
            description: "Commands that got no complete reply within the command timeout, by process type.");
        identificationTimeouts = meter.CreateCounter<long>("spp.identification.timeouts",
            description: "Newcomers on the secondary port that did not answer _get_client_id in time.");
        registrations = meter.CreateCounter<long>("spp.process.registrations",
            description: "Processes registered (identified and admitted), by process type.");
        reconnects = meter.CreateCounter<long>("spp.process.reconnects",
            description: "Registrations of a process (type and client id) that had been registered before, by process type.");
        replacements = meter.CreateCounter<long>("spp.process.replacements",
            description: "Registrations that replaced a live connection holding the same place, by process type.");
    }

    public Meter Meter => meter;

    /// <summary>One exchange with a process ended: replied, or failed with <paramref name="failure"/>.</summary>
    public void CommandCompleted(ProcessType type, string command, LineFailure? failure, TimeSpan elapsed)
    {
        var typeTag = new KeyValuePair<string, object?>("type", type.WireName());
        var commandTag = new KeyValuePair<string, object?>("command", FirstWord(command));
        commands.Add(1, typeTag, commandTag, new KeyValuePair<string, object?>("outcome", OutcomeName(failure)));
        commandDuration.Record(elapsed.TotalSeconds, typeTag, commandTag);
        if (failure == LineFailure.Timeout) commandTimeouts.Add(1, typeTag);
    }

    public void IdentificationTimedOut() => identificationTimeouts.Add(1);

    public void Registered(ProcessType type, bool seenBefore, bool replacedLive)
    {
        var typeTag = new KeyValuePair<string, object?>("type", type.WireName());
        registrations.Add(1, typeTag);
        if (seenBefore) reconnects.Add(1, typeTag);
        if (replacedLive) replacements.Add(1, typeTag);
    }

    /// <summary>Reports the registered processes by type whenever the meter is collected.</summary>
    public void ObserveConnected(Func<RegistrySnapshot> snapshot) =>
        meter.CreateObservableGauge("spp.processes.connected", () => Connected(snapshot()),
            description: "Processes registered now, by process type.");

    private static IEnumerable<Measurement<long>> Connected(RegistrySnapshot snapshot)
    {
        var counts = Enum.GetValues<ProcessType>().ToDictionary(t => t, _ => 0L);
        foreach (var process in snapshot.All) counts[process.Id.Type]++;
        return counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("type", c.Key.WireName())));
    }

    /// <summary>The command's first word (<c>add</c>, <c>status</c>, <c>component</c>): few distinct values.</summary>
    public static string FirstWord(string command)
    {
        var space = command.IndexOf(' ');
        return space < 0 ? command : command[..space];
    }

    /// <summary><c>replied</c>, or the failure in snake case (<c>timeout</c>, <c>connection_closed</c>, ...).</summary>
    public static string OutcomeName(LineFailure? failure) => failure switch
    {
        null => "replied",
        LineFailure.Timeout => "timeout",
        LineFailure.ConnectionClosed => "connection_closed",
        LineFailure.ConnectionReset => "connection_reset",
        LineFailure.ConnectionReplaced => "connection_replaced",
        LineFailure.ReplyTooLarge => "reply_too_large",
        LineFailure.ShuttingDown => "shutting_down",
        _ => "other",
    };
}
