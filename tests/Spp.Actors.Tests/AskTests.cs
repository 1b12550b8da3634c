using System.Diagnostics;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>The one Ask of an HTTP handler: bounded by the ask timeout, and given up when its caller goes.</summary>
public sealed class AskTests() : ControllerTest(new ControllerSettings { CommandTimeout = TimeSpan.FromMilliseconds(100) })
{
    [Fact]
    public async Task An_ask_without_an_answer_within_the_ask_timeout_fails_with_timeout_and_is_left_unsent()
    {
        var silentRegistry = CreateTestProbe();
        var clock = Stopwatch.StartNew();

        var outcome = ProcessRegistry.AskAsync(silentRegistry.Ref, new ProcessRequest(Nfv1, "status"), Settings);
        var forwarded = await silentRegistry.ExpectMsgAsync<ProcessRequest>();

        Assert.Equal(new ProcessOutcome.Failed(LineFailure.Timeout), await outcome.WaitAsync(Settings.AskTimeout + Patience));
        Assert.InRange(clock.Elapsed, Settings.AskTimeout - TimeSpan.FromMilliseconds(20), Settings.AskTimeout + Patience);
        // A process actor skips an abandoned request, so the command is never sent late.
        Assert.True(forwarded.Abandoned, $"still wanted {-Stopwatch.GetElapsedTime(forwarded.Deadline).TotalMilliseconds} ms after the asker was told it timed out");
    }
}
