using Spp.Bench.Scenarios;

namespace Spp.Bench.Tests;

public sealed class DirectShareTests
{
    [Fact]
    public void The_share_is_the_rate_through_the_daemon_over_the_direct_limit()
    {
        var share = DirectShare.Share(2850, 5000);
        Assert.Equal(0.57, share.Value, 3);
        Assert.Equal("2850 of 5000 req/s", share.Detail);
    }
}
