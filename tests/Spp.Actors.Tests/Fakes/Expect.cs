using System.Text;
using Spp.Actors.Messages;

namespace Spp.Actors.Tests.Fakes;

/// <summary>Assertions on how a request ended.</summary>
public static class Expect
{
    /// <summary>The process replied with exactly <paramref name="reply"/> (the text of a padded block, without NULs).</summary>
    public static ProcessOutcome.Replied Replied(string reply, ProcessOutcome outcome)
    {
        var replied = Assert.IsType<ProcessOutcome.Replied>(outcome);
        Assert.Equal(reply, Encoding.ASCII.GetString(replied.Reply));
        return replied;
    }

    public static void Failed(LineFailure failure, ProcessOutcome outcome) =>
        Assert.Equal(new ProcessOutcome.Failed(failure), outcome);

    public static void Gone(ProcessOutcome outcome) => Assert.IsType<ProcessOutcome.Gone>(outcome);
}
