using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.2: commands to one process are serialized, at most one in flight, FIFO.</summary>
public sealed class CommandSerializationTests : ControllerTest
{
    [Fact]
    public async Task At_most_one_command_is_in_flight_and_the_rest_wait_in_arrival_order()
    {
        var nfv = await ConnectAsync(Nfv1);

        var forward = Ask(Nfv1, "forward");
        var stop = Ask(Nfv1, "stop");
        var clear = Ask(Nfv1, "clear");

        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        // The reply to forward was taken before stop went out.
        Assert.True(forward.HasMessages);
        Assert.False(stop.HasMessages);
        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));

        Assert.Equal("clear", await nfv.Process.NextCommandAsync());
        Assert.True(stop.HasMessages);
        Assert.False(clear.HasMessages);
        await ExpectRepliedAsync(stop, """{"result":"succeeded","command":"stop"}""");
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        await ExpectRepliedAsync(clear, """{"result":"succeeded","command":"clear"}""");
        Assert.True(nfv.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task The_next_command_is_not_sent_until_the_whole_reply_has_arrived()
    {
        var vf = await ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "success" } ] }""";

        var first = Ask(Vf1, "start fwd1");
        var second = Ask(Vf1, "stop fwd1");

        Assert.Equal("start fwd1", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(reply[..^1]);
        await first.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.True(vf.Process.HasNoCommandWaiting());

        await vf.Process.SendAsync(reply[^1..]);
        Assert.Equal("stop fwd1", await vf.Process.NextCommandAsync());
        Assert.True(first.HasMessages);
        await ExpectRepliedAsync(first, reply);
        await vf.Process.SendAsync(reply);
        await ExpectRepliedAsync(second, reply);
    }

    [Fact]
    public async Task Many_concurrent_askers_each_get_their_command_sent_exactly_once_and_never_two_outstanding()
    {
        const int askers = 64;
        var nfv = await ConnectAsync(Nfv1);
        var commands = Enumerable.Range(0, askers).Select(i => $"echo {i}").ToArray();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var asking = commands.Select(command => Task.Run(async () =>
        {
            await go.Task;
            return (command, asker: Ask(Nfv1, command));
        })).ToArray();
        go.SetResult();
        var askerOf = (await Task.WhenAll(asking)).ToDictionary(a => a.command, a => a.asker);

        var seen = new List<string>();
        for (var i = 0; i < askers; i++)
        {
            var command = await nfv.Process.NextCommandAsync();
            Assert.Contains(command, commands);
            Assert.DoesNotContain(command, seen);
            // The previous command's reply was taken before this one went out.
            if (i > 0) Assert.True(askerOf[seen[^1]].HasMessages, $"{command} was sent before {seen[^1]} was answered");
            seen.Add(command);
            // spp_nfv echoes a command it does not know, NUL-padded to one block.
            await nfv.Process.SendAsync(Padded(command));
        }

        foreach (var (command, asker) in askerOf) await ExpectRepliedAsync(asker, command);
        Assert.True(nfv.Process.HasNoCommandWaiting());
        Assert.Equal(askers, seen.Count);
    }
}
