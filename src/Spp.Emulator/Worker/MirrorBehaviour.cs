using Spp.Emulator.Wire;

namespace Spp.Emulator.Worker;

/// <summary>spp_mirror: mirror components and their ports; <c>classifier_table</c> is validated and ignored.</summary>
internal sealed class MirrorBehaviour(int clientId, EmulatorOptions options) : IProcessBehaviour
{
    private readonly ComponentSet _components = new(options, [ComponentType.Mirror], _ => { });
    private readonly ClassifierTable _noEntries = new();

    public Reply Handle(Request request, FaultSnapshot faults) => WorkerGrammar.VfAndMirror.Answer(request, r => r.Word switch
    {
        "_get_client_id" => Reply.Text(WorkerReplies.Handshake(faults.ClaimedClientId ?? clientId, faults.ClaimedProcessType ?? "mirror")),
        "status" => Reply.Text(Inflation.Render(Status, faults.InflateStatusBytes)),
        "exit" => Reply.Text(WorkerReplies.Success(), Fate.Exit),
        "component" => _components.Component(r),
        "port" => _components.Port(r),
        _ => Classify(r), // classifier_table: the grammar admits no other word
    });

    private Reply Classify(Request request)
    {
        ClassifierCommand.Parse(request, _components, _noEntries);
        return Reply.Text(WorkerReplies.Success());
    }

    private string Status(int extraComponents) => WorkerStatus.Render(clientId, options, _components, extraComponents, null);
}
