using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Worker;

/// <summary>spp_vf: forward, merge and classifier components, their ports and the classifier table.</summary>
internal sealed class VfBehaviour : IProcessBehaviour
{
    private readonly int _clientId;
    private readonly EmulatorOptions _options;
    private readonly ComponentSet _components;
    private readonly ClassifierTable _table = new();

    public VfBehaviour(int clientId, EmulatorOptions options)
    {
        _clientId = clientId;
        _options = options;
        _components = new ComponentSet(options, [ComponentType.Forward, ComponentType.Merge, ComponentType.Classifier], Stopped);
    }

    public Reply Handle(Request request, FaultSnapshot faults) => WorkerGrammar.VfAndMirror.Answer(request, r => r.Word switch
    {
        "_get_client_id" => Reply.Text(WorkerReplies.Handshake(faults.ClaimedClientId ?? _clientId, faults.ClaimedProcessType ?? "vf")),
        "status" => Reply.Text(Inflation.Render(Status, faults.InflateStatusBytes)),
        "exit" => Reply.Text(WorkerReplies.Success(), Fate.Exit),
        "component" => _components.Component(r),
        "port" => _components.Port(r),
        _ => Classify(r), // classifier_table: the grammar admits no other word
    });

    private Reply Classify(Request request)
    {
        var parsed = ClassifierCommand.Parse(request, _components, _table);
        _components.EnsureNotPoisoned();
        if (parsed.Adding) _table.Add(parsed.Entry);
        else _table.Remove(parsed.Entry.Port);
        return Reply.Text(WorkerReplies.Success());
    }

    // A stopped classifier takes the entries of its destination ports with it.
    private void Stopped(Component component)
    {
        if (component.Type != ComponentType.Classifier) return;
        foreach (var port in component.Tx) _table.Remove(port.Port);
    }

    private string Status(int extraComponents)
    {
        var entries = _components.Components
            .Where(c => c.Type == ComponentType.Classifier)
            .SelectMany(_table.For)
            .Select(e => e.ToJson());
        return WorkerStatus.Render(_clientId, _options, _components, extraComponents, Spaced.Array(entries));
    }
}
