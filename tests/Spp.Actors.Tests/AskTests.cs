using System.Diagnostics;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>The one Ask of an HTTP handler: bounded by the ask timeout, and given up when its caller goes.</summary>
public sealed class AskTests : ControllerTest
{
    [Fact]
    public async Task An_ask_without_an_answer_within_the_ask_timeout_fails_with_timeout_and_is_left_unsent()
    {
        // The shortest ask timeout there is; the registry is a probe, so nothing else is timed by these settings.
        var settings = new ControllerSettings { CommandTimeout = TimeSpan.FromMilliseconds(100) };
        var silentRegistry = CreateTestProbe();
        var clock = Stopwatch.StartNew();

        var outcome = ProcessRegistry.AskAsync(silentRegistry.Ref, new ProcessDirectory(), new ProcessRequest(Nfv1, "status"), settings);
        var forwarded = await silentRegistry.ExpectMsgAsync<ProcessRequest>();

        Assert.Equal(new ProcessOutcome.Failed(LineFailure.Timeout), await outcome.WaitAsync(settings.AskTimeout + Patience));
        Assert.InRange(clock.Elapsed, settings.AskTimeout - TimeSpan.FromMilliseconds(20), settings.AskTimeout + Patience);
        // A process actor skips an abandoned request, so the command is never sent late.
        Assert.True(forwarded.Abandoned, $"still wanted {-Stopwatch.GetElapsedTime(forwarded.Deadline).TotalMilliseconds} ms after the asker was told it timed out");
    }

    [Fact]
    public async Task An_ask_goes_straight_to_the_process_actor_the_snapshot_names()
    {
        var nfv = await ConnectAsync(Nfv1);

        var outcome = ProcessRegistry.AskAsync(Registry, Directory, new ProcessRequest(Nfv1, "status"), Settings);
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"client-id":1,"status":"idling","ports":[],"patches":[]}"""));

        var replied = Assert.IsType<ProcessOutcome.Replied>(await outcome.WaitAsync(Patience));
        Assert.StartsWith("""{"client-id":1""", System.Text.Encoding.ASCII.GetString(replied.Reply));
    }

    [Fact]
    public async Task An_ask_for_a_process_nobody_holds_is_answered_gone_by_the_registry()
    {
        var outcome = await ProcessRegistry.AskAsync(Registry, Directory, new ProcessRequest(Nfv1, "status"), Settings).WaitAsync(Patience);

        Assert.IsType<ProcessOutcome.Gone>(outcome);
    }

    [Fact]
    public async Task An_ask_that_reaches_an_actor_already_stopped_is_routed_again_to_the_process_that_holds_the_place_now()
    {
        var old = await ConnectAsync(Nfv1);
        var newcomer = await ConnectAsync(Nfv1);
        await EndedAsync(old);
        // A handler that read the snapshot before the replacement asks the stopped actor.
        var outcome = ProcessRegistry.AskAsync(Registry, StaleDirectory(old.Actor), new ProcessRequest(Nfv1, "status"), Settings);

        Assert.Equal("status", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"client-id":1,"status":"running","ports":[],"patches":[]}"""));
        Assert.IsType<ProcessOutcome.Replied>(await outcome.WaitAsync(Patience));
    }

    /// <summary>A directory as a handler may still hold it: naming <paramref name="actor"/> for nfv 1.</summary>
    private static ProcessDirectory StaleDirectory(Akka.Actor.IActorRef actor)
    {
        var directory = new ProcessDirectory();
        directory.Publish(RegistrySnapshot.Empty.With(new Registered(Nfv1, actor)));
        return directory;
    }
}
