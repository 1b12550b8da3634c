using Spp.Protocol.Commands;

namespace Spp.Protocol.Tests.Commands;

/// <summary>rest-api.md 2.2.7; wire-protocol.md 5.7.</summary>
public class LaunchCommandTests
{
    [Fact]
    public void The_cli_example_for_spp_nfv()
    {
        // {"proc_name": "spp_nfv", "client_id": "5",
        //  "eal": {"-l": "1,2", "-m": "512", "--no-pci": null, "--proc-type": "secondary"},
        //  "app": {"-n": "5", "-s": "127.0.0.1:6666", "--vhost-client": null}}
        var command = LaunchCommand.Build(5, "spp_nfv",
            Options(("-l", "1,2"), ("-m", "512"), ("--no-pci", null), ("--proc-type", "secondary")),
            Options(("-n", "5"), ("-s", "127.0.0.1:6666"), ("--vhost-client", null)));

        Assert.Equal("launch 5 spp_nfv -l 1,2 --no-pci --proc-type secondary -m 512 -- -n 5 -s 127.0.0.1:6666 --vhost-client",
            command);
    }

    [Fact]
    public void The_example_for_spp_vf()
    {
        // {"proc_name":"spp_vf","client_id":6,"eal":{"-m":"512","-l":"1,4-7","--proc-type":"secondary"},
        //  "app":{"-s":"127.0.0.1:6666","--client-id":"6"}}
        var command = LaunchCommand.Build(6, "spp_vf",
            Options(("-m", "512"), ("-l", "1,4-7"), ("--proc-type", "secondary")),
            Options(("-s", "127.0.0.1:6666"), ("--client-id", "6")));

        Assert.Equal("launch 6 spp_vf -l 1,4-7 --proc-type secondary -m 512 -- --client-id 6 -s 127.0.0.1:6666", command);
    }

    [Fact]
    public void The_example_of_the_wire_protocol() =>
        Assert.Equal("launch 1 spp_nfv -l 1,2 --proc-type secondary -m 512 -- -n 1 -s 192.168.1.100:6666",
            LaunchCommand.Build(1, "spp_nfv",
                Options(("--proc-type", "secondary"), ("-m", "512"), ("-l", "1,2")),
                Options(("-s", "192.168.1.100:6666"), ("-n", "1"))));

    [Fact]
    public void An_empty_app_part_leaves_a_trailing_space() =>
        Assert.Equal("launch 5 spp_nfv -l 1,2 --proc-type secondary -- ",
            LaunchCommand.Build(5, "spp_nfv", Options(("-l", "1,2"), ("--proc-type", "secondary")), Options()));

    [Fact]
    public void An_option_not_in_the_list_of_its_process_is_dropped() =>
        Assert.Equal("launch 5 spp_nfv -l 1,2 --proc-type secondary -- -n 5",
            LaunchCommand.Build(5, "spp_nfv",
                Options(("-l", "1,2"), ("--bogus", "x"), ("--proc-type", "secondary")),
                Options(("--client-id", "5"), ("-n", "5"))));

    [Fact]
    public void A_null_or_empty_value_gives_the_option_name_alone() =>
        Assert.Equal("launch 2 spp_nfv -l 1 --no-pci --proc-type secondary --no-huge -- -n 2 --vhost-client",
            LaunchCommand.Build(2, "spp_nfv",
                Options(("-l", "1"), ("--no-pci", ""), ("--proc-type", "secondary"), ("--no-huge", null)),
                Options(("-n", "2"), ("--vhost-client", ""))));

    [Fact]
    public void A_value_with_spaces_is_sent_as_given() =>
        Assert.Equal("launch 4 spp_pcap -l 1-3 --proc-type secondary -- --client-id 4 -s 127.0.0.1:6666 -c phy:0 nq 2 --out-dir /tmp --fsize 107374182",
            LaunchCommand.Build(4, "spp_pcap",
                Options(("-l", "1-3"), ("--proc-type", "secondary")),
                Options(("--fsize", "107374182"), ("--out-dir", "/tmp"), ("-c", "phy:0 nq 2"), ("-s", "127.0.0.1:6666"),
                    ("--client-id", "4"))));

    [Fact]
    public void Spp_mirror_takes_the_options_of_spp_vf() =>
        Assert.Equal("launch 3 spp_mirror -l 1,2 --proc-type secondary -- --client-id 3 -s 127.0.0.1:6666 --vhost-client",
            LaunchCommand.Build(3, "spp_mirror",
                Options(("-l", "1,2"), ("--proc-type", "secondary")),
                Options(("--vhost-client", null), ("-s", "127.0.0.1:6666"), ("--client-id", "3"))));

    [Fact]
    public void The_head_is_the_text_up_to_and_including_the_double_dash() =>
        Assert.Equal("launch 5 spp_nfv -l 1,2 --proc-type secondary --",
            LaunchCommand.Head(5, "spp_nfv", Options(("-l", "1,2"), ("--proc-type", "secondary"))));

    [Fact]
    public void The_eal_options_are_walked_in_the_order_of_the_contract() =>
        Assert.Equal(
        [
            "-c", "-l", "--lcores", "--master-lcore", "-s", "-b", "--pci-blacklist", "-w", "--pci-whitelist", "--vdev",
            "-d", "--no-pci", "--proc-type", "-n", "-r", "-m", "--in-memory", "--iova-mode", "--no-shconf",
            "--no-huge", "--log-level", "--file-prefix", "--create-uio-dev", "--vmware-tsc-map", "--no-hpet",
            "--vfio-intr", "--base-virtaddr", "--legacy-mem", "--socket-mem", "--socket-limit",
            "--single-file-segments", "--huge-dir", "--huge-unlink", "--match-allocations", "--syslog",
        ], LaunchCommand.EalOptions);

    [Fact]
    public void Every_eal_option_given_in_reverse_comes_out_in_order()
    {
        var reversed = LaunchCommand.EalOptions.Reverse().Select(o => (o, (string?)"v")).ToArray();

        var head = LaunchCommand.Head(1, "spp_nfv", Options(reversed));

        Assert.Equal("launch 1 spp_nfv " + string.Join(' ', LaunchCommand.EalOptions.Select(o => $"{o} v")) + " --", head);
    }

    [Theory]
    [InlineData("spp_nfv", new[] { "-n", "-s", "--vhost-client" })]
    [InlineData("spp_vf", new[] { "--client-id", "-s", "--vhost-client" })]
    [InlineData("spp_mirror", new[] { "--client-id", "-s", "--vhost-client" })]
    [InlineData("spp_pcap", new[] { "--client-id", "-s", "-c", "--out-dir", "--fsize" })]
    public void The_app_options_are_walked_in_the_order_of_the_contract(string procName, string[] order) =>
        Assert.Equal(order, LaunchCommand.AppOptions[procName]);

    private static Dictionary<string, string?> Options(params (string Name, string? Value)[] options) =>
        options.ToDictionary(o => o.Name, o => o.Value);
}
