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

    [Fact]
    public void Each_process_has_its_own_rows_and_request()
    {
        var api = new Uri("http://127.0.0.1:7777");
        Assert.Equal("nfv direct limit: `status` straight to the nfv, back to back", DirectShare.Process.Nfv.DirectLimit);
        Assert.Equal("`GET /v1/vfs/2` through the daemon, 16 clients", DirectShare.Process.Vf.Through(16));
        Assert.Equal("vf share of the direct limit, 64 clients", DirectShare.Process.Vf.ShareOf(64));
        Assert.Equal([new Uri("http://127.0.0.1:7777/v1/nfvs/1")], DirectShare.Process.Nfv.Status(api).Targets);
        Assert.Equal([new Uri("http://127.0.0.1:7777/v1/vfs/2")], DirectShare.Process.Vf.Status(api).Targets);
    }
}
