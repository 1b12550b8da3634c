using Akka.Actor;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>A process actor that fails is stopped, never restarted: its connection goes, nobody is left waiting.</summary>
public sealed class SupervisionTests : ControllerTest
{
    private static readonly ProcessId Vf2 = new(ProcessType.Vf, 2);

    private const string Status = """{"client-id":1,"status":"idling","ports":[],"patches":[]}""";

    [Fact]
    public async Task A_failing_process_actor_is_stopped_its_connection_closed_and_its_askers_answered()
    {
        var nfv = await ConnectAsync(Nfv1);
        Watch(nfv.Actor);

        var patch = Ask(new ProcessRequest(Nfv1, "patch phy:0 ring:0", Gate: _ => throw new InvalidOperationException("gate failed")));
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        var queued = Ask(Nfv1, "forward");
        await nfv.Process.SendAsync(Padded(Status));

        await ExpectTerminatedAsync(nfv.Actor);
        await ExpectFailedAsync(patch, LineFailure.ConnectionClosed);
        await ExpectGoneAsync(queued);
        Assert.Equal("", await nfv.Process.ClosedByControllerAsync());
        await DeregisteredAsync(Nfv1);
    }

    [Fact]
    public async Task Another_process_and_the_registry_keep_serving_after_a_process_actor_failed()
    {
        var nfv = await ConnectAsync(Nfv1);
        var vf = await ConnectAsync(Vf2);
        Watch(nfv.Actor);

        Ask(new ProcessRequest(Nfv1, "patch phy:0 ring:0", Gate: _ => throw new InvalidOperationException("gate failed")));
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded(Status));
        await ExpectTerminatedAsync(nfv.Actor);

        var status = Ask(Vf2, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ] }""");
        await ExpectRepliedAsync(status, """{ "results": [ { "result": "success" } ] }""");

        var again = await ConnectAsync(Nfv1);
        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await again.Process.NextCommandAsync());
        await again.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));
        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
    }

    [Fact]
    public async Task A_request_that_reaches_a_process_actor_stopped_by_a_failure_is_answered_not_lost()
    {
        var nfv = await ConnectAsync(Nfv1);
        Watch(nfv.Actor);
        Ask(new ProcessRequest(Nfv1, "patch phy:0 ring:0", Gate: _ => throw new InvalidOperationException("gate failed")));
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded(Status));
        await ExpectTerminatedAsync(nfv.Actor);

        // As a request the registry forwarded just before the failure, still in the actor's mailbox.
        var late = CreateTestProbe();
        nfv.Actor.Tell(new ProcessRequest(Nfv1, "forward"), late.Ref);

        await ExpectGoneAsync(late);
    }
}
