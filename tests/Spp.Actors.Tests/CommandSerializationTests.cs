using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.Controller;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.2: commands to one process are serialized, at most one in flight, FIFO.</summary>
public sealed class CommandSerializationTests
{
    [Fact]
    public async Task At_most_one_command_is_in_flight_and_the_rest_wait_in_arrival_order()
    {
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);

        var forward = controller.AskAsync(Nfv1, "forward");
        var stop = controller.AskAsync(Nfv1, "stop");
        var clear = controller.AskAsync(Nfv1, "clear");

        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        Assert.True(nfv.Process.HasNoCommandWaiting());
        Assert.False(stop.IsCompleted);
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));
        Expect.Replied("""{"result":"succeeded","command":"forward"}""", await forward.Answer());

        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        Assert.True(nfv.Process.HasNoCommandWaiting());
        Assert.False(clear.IsCompleted);
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        Expect.Replied("""{"result":"succeeded","command":"stop"}""", await stop.Answer());

        Assert.Equal("clear", await nfv.Process.NextCommandAsync());
        Assert.True(nfv.Process.HasNoCommandWaiting());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        Expect.Replied("""{"result":"succeeded","command":"clear"}""", await clear.Answer());
    }

    [Fact]
    public async Task The_next_command_is_not_sent_until_the_whole_reply_has_arrived()
    {
        var controller = new Controller();
        var vf = await controller.ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "success" } ] }""";

        var first = controller.AskAsync(Vf1, "start fwd1");
        var second = controller.AskAsync(Vf1, "stop fwd1");

        Assert.Equal("start fwd1", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(reply[..^1]);
        await Task.Yield();
        Assert.True(vf.Process.HasNoCommandWaiting());
        Assert.False(first.IsCompleted);

        await vf.Process.SendAsync(reply[^1..]);
        Expect.Replied(reply, await first.Answer());
        Assert.Equal("stop fwd1", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(reply);
        Expect.Replied(reply, await second.Answer());
    }

    [Fact]
    public async Task Many_concurrent_askers_each_get_their_command_sent_exactly_once_and_never_two_outstanding()
    {
        const int askers = 64;
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commands = Enumerable.Range(0, askers).Select(i => $"echo {i}").ToArray();

        var asked = commands.Select(command => Task.Run(async () =>
        {
            await go.Task;
            return (command, outcome: await controller.AskAsync(Nfv1, command));
        })).ToArray();
        go.SetResult();

        var seen = new HashSet<string>();
        for (var i = 0; i < askers; i++)
        {
            var command = await nfv.Process.NextCommandAsync();
            Assert.Contains(command, commands);
            Assert.True(seen.Add(command), $"{command} was sent twice");
            await Task.Yield();
            Assert.True(nfv.Process.HasNoCommandWaiting());
            // spp_nfv echoes a command it does not know, NUL-padded to one block.
            await nfv.Process.SendAsync(Padded(command));
        }

        foreach (var (command, outcome) in await Task.WhenAll(asked).WaitAsync(Within.Patience))
            Expect.Replied(command, outcome);
        Assert.True(nfv.Process.HasNoCommandWaiting());
        Assert.Equal(askers, seen.Count);
    }
}
