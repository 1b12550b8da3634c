using Spp.Bench.Load;
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
        Assert.Equal("daemon CPU per `GET /v1/nfvs/1`, 16 clients", DirectShare.Process.Nfv.CpuPerRequest(16));
        Assert.Equal([new Uri("http://127.0.0.1:7777/v1/nfvs/1")], DirectShare.Process.Nfv.Status(api).Targets);
        Assert.Equal([new Uri("http://127.0.0.1:7777/v1/vfs/2")], DirectShare.Process.Vf.Status(api).Targets);
    }

    [Fact]
    public void The_daemon_CPU_per_request_is_its_busy_cores_over_the_rate()
    {
        var through = new LoadResult(12_000, 0, 8_000, 1_500, 4_000, new CpuUse(1.2, 0.8, 2.0));
        var cpu = DirectShare.CpuPerRequest(through);
        Assert.Equal(150, cpu.Value, 6);
        Assert.StartsWith("CPU: daemon 1.2, bench 0.8, machine 2.0 of ", cpu.Detail);
    }

    [Fact]
    public void Without_a_CPU_sample_the_CPU_per_request_is_not_a_number()
    {
        var cpu = DirectShare.CpuPerRequest(new LoadResult(12_000, 0, 8_000, 1_500, 4_000, null));
        Assert.True(double.IsNaN(cpu.Value));
        Assert.Equal("CPU not sampled", cpu.Detail);
    }
}
