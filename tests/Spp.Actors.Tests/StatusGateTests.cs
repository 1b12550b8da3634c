using System.Text;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// A request may carry a gate: a check of a fresh <c>status</c>, made inside the actor's turn, so that nothing can
/// reach the process between the status it looked at and the command.
/// </summary>
public sealed class StatusGateTests : ControllerTest
{
    private const string Status = """{"client-id":1,"status":"idling","ports":["phy:0","ring:0"],"patches":[]}""";
    private const string Patched = """{"result":"succeeded","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""";

    [Fact]
    public async Task The_gate_sees_the_status_reply_and_the_command_follows_it_with_nothing_in_between()
    {
        var nfv = await ConnectAsync(Nfv1);
        byte[]? seen = null;

        var patch = Ask(new ProcessRequest(Nfv1, "patch phy:0 ring:0", Gate: status =>
        {
            seen = status;
            return null;
        }));
        var forward = Ask(Nfv1, "forward");

        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded(Status));
        Assert.Equal("patch phy:0 ring:0", await nfv.Process.NextCommandAsync());
        Assert.Equal(Status, Encoding.ASCII.GetString(seen!));
        await nfv.Process.SendAsync(Padded(Patched));
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));

        var replied = await ExpectRepliedAsync(patch, Patched);
        Assert.Equal(Status, Encoding.ASCII.GetString(replied.Status!));
        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
    }

    [Fact]
    public async Task A_refusing_gate_means_the_command_is_never_sent()
    {
        var nfv = await ConnectAsync(Nfv1);
        const string verdict = "ring:0 is already patched";

        var patch = Ask(new ProcessRequest(Nfv1, "patch phy:0 ring:0", Gate: _ => verdict));
        var forward = Ask(Nfv1, "forward");

        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded(Status));
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));

        var refused = await patch.ExpectMsgAsync<ProcessOutcome.Refused>();
        Assert.Equal(verdict, refused.Verdict);
        Assert.Equal(Status, Encoding.ASCII.GetString(refused.Status));
        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
        Assert.True(nfv.Process.HasNoCommandWaiting());
        Assert.Equal(nfv.Actor, Directory.Snapshot.Find(Nfv1)?.Actor);
    }
}
