using Spp.Emulator.Cli;

namespace Spp.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void One_secondary_with_its_id_and_controller()
    {
        var arguments = CommandLine.Parse(["nfv", "--id", "3", "--ctl", "10.0.0.1", "--sec-port", "7000"]);

        Assert.Equal(EmulatedKind.Nfv, arguments.Kind);
        Assert.Equal(3, arguments.ClientId);
        Assert.Equal("10.0.0.1", arguments.Controller);
        Assert.Equal(7000, arguments.SecondaryPort);
    }

    [Fact]
    public void Defaults_are_the_reference_controller_ports()
    {
        var arguments = CommandLine.Parse(["primary"]);

        Assert.Equal(("127.0.0.1", 5555, 6666), (arguments.Controller, arguments.PrimaryPort, arguments.SecondaryPort));
        Assert.Equal(TimeSpan.FromSeconds(1), arguments.Options.RetryInterval);
    }

    [Fact]
    public void Fleet_demo_and_process_options()
    {
        var arguments = CommandLine.Parse(["--fleet", "6", "--worker-lcores", "4,5", "--rings", "8", "--retry-ms", "200", "--launch"]);

        Assert.Equal(6, arguments.FleetSize);
        Assert.Equal([4, 5], arguments.Options.WorkerLcores);
        Assert.Equal(8, arguments.Options.RingCount);
        Assert.Equal(TimeSpan.FromMilliseconds(200), arguments.Options.RetryInterval);
        Assert.True(arguments.Options.LaunchSecondaries);
        Assert.True(CommandLine.Parse(["--demo"]).Demo);
    }

    [Fact]
    public void Fault_options_become_the_initial_faults()
    {
        var arguments = CommandLine.Parse([
            "vf", "--reply-delay-ms", "50", "--split-bytes", "10", "--split-pause-ms", "5", "--hang-after", "3",
            "--close-after", "4", "--garbage", "binary", "--silent-handshake", "--claim-id", "9", "--claim-type", "nfv",
            "--inflate-status", "5000", "--exact-reply", "x"]);
        var faults = new FaultSettings();

        arguments.Options.InitialFaults!(faults);

        Assert.Equal(TimeSpan.FromMilliseconds(50), faults.ReplyDelay);
        Assert.Equal((10, TimeSpan.FromMilliseconds(5)), (faults.SplitSegmentBytes, faults.SplitPause));
        Assert.Equal((3, 4), (faults.HangAfterCommands, faults.CloseAfterCommands));
        Assert.Equal(GarbageKind.Binary, faults.Garbage);
        Assert.True(faults.SilentHandshake);
        Assert.Equal((9, "nfv"), (faults.ClaimedClientId, faults.ClaimedProcessType));
        Assert.Equal(5000, faults.InflateStatusBytes);
        Assert.Equal("x", faults.ExactReply);
    }

    [Theory]
    [InlineData]
    [InlineData("nfv", "vf")]
    [InlineData("nfv", "--demo")]
    [InlineData("bogus")]
    [InlineData("nfv", "--id")]
    [InlineData("nfv", "--id", "one")]
    [InlineData("primary", "--pri-port", "70000")]
    [InlineData("vf", "--garbage", "noise")]
    [InlineData("vf", "--worker-lcores", "2,x")]
    [InlineData("nfv", "@args.txt")]
    [InlineData("nfv", "--id", "2", "--id", "-1")]
    public void Bad_arguments_are_usage_errors(params string[] args)
    {
        Assert.Throws<UsageException>(() => CommandLine.Parse(args));
    }

    [Fact]
    public void An_option_given_twice_takes_its_last_value()
    {
        var arguments = CommandLine.Parse(["nfv", "--id", "2", "--id", "5", "--sec-port=7001"]);

        Assert.Equal((5, 7001), (arguments.ClientId, arguments.SecondaryPort));
    }

    [Fact]
    public async Task Help_exits_0_and_bad_arguments_exit_2()
    {
        var help = await EmulatorCommand.RunAsync("--help");
        var bad = await EmulatorCommand.RunAsync("--bogus");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--inflate-status BYTES", help.Output);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Usage:", bad.Error);
    }

    [Fact]
    public async Task The_tool_serves_a_controller_until_the_process_exits()
    {
        await using var controller = new FakeController();
        var run = EmulatorCommand.RunAsync("nfv", "--id", "4", "--sec-port", controller.Endpoint.Port.ToString());
        using var connection = await controller.AcceptAsync();

        Assert.Contains("\"client_id\":4,", await connection.PaddedAsync("_get_client_id"));
        await connection.SendAsync("exit");
        await connection.ReadUntilClosedAsync();

        var result = await run;
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nfv:4: command exit", result.Error);
    }
}
