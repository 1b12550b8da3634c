using System.Text.Json;
using Spp.Protocol.Status;
using static Spp.Protocol.Tests.Status.StatusVectors;

namespace Spp.Protocol.Tests.Status;

/// <summary>rest-api.md 2.4.1, 2.5.1; wire-protocol.md 11.3, 11.4.</summary>
public class WorkerStatusTests
{
    [Fact]
    public void The_vf_status_of_the_wire_protocol()
    {
        var info = Accepted(ReplyFamily.Stream, Vf);

        var status = WorkerStatus.Read(info)!;

        Assert.Equal(2, status.ClientId.GetInt32());
        Assert.Equal(["phy:0", "phy:1", "vhost:1", "ring:0", "ring:1"], status.Ports);
        Assert.Equal(1, status.MasterLcore.GetInt32());
        Assert.True(JsonElement.DeepEquals(info.GetProperty("core"), status.Components));
        Assert.True(JsonElement.DeepEquals(
            Json("""[ { "type": "mac", "value": "default", "port": "ring:1" }, { "type": "mac", "value": "FA:16:3E:7D:CC:35", "port": "ring:0" } ]"""),
            status.ClassifierTable!.Value));
    }

    [Fact]
    public void Ports_are_phy_then_vhost_then_ring_each_in_reported_order()
    {
        var status = WorkerStatus.Read(Info(
            """{ "client-id": 1, "ring": [ "3", "1" ], "vhost": [ "1", "0" ], "phy": [ "1", "0" ], "master-lcore": 1, "core": [  ] }"""))!;

        Assert.Equal(["phy:1", "phy:0", "vhost:1", "vhost:0", "ring:3", "ring:1"], status.Ports);
    }

    [Fact]
    public void A_multi_queue_port_is_reported_spaced()
    {
        var status = WorkerStatus.Read(Info(
            """{ "client-id": 1, "phy": [ "0 nq 0", "0 nq 1", "1" ], "vhost": [  ], "ring": [  ], "master-lcore": 1, "core": [  ] }"""))!;

        Assert.Equal(["phy:0 nq 0", "phy:0 nq 1", "phy:1"], status.Ports);
    }

    [Fact]
    public void Legacy_integer_arrays_give_the_same_ports()
    {
        var status = WorkerStatus.Read(Info(
            """{ "client-id": 1, "phy": [ 0, 1 ], "vhost": [ 1 ], "ring": [ 0, 1 ], "master-lcore": 1, "core": [  ] }"""))!;

        Assert.Equal(["phy:0", "phy:1", "vhost:1", "ring:0", "ring:1"], status.Ports);
    }

    [Fact]
    public void The_mirror_status_has_no_classifier_table()
    {
        var info = Accepted(ReplyFamily.Stream, Mirror);

        var status = WorkerStatus.Read(info)!;

        Assert.Equal(3, status.ClientId.GetInt32());
        Assert.Equal(["phy:0", "phy:1", "ring:0", "ring:1", "ring:2"], status.Ports);
        Assert.Equal(1, status.MasterLcore.GetInt32());
        Assert.True(JsonElement.DeepEquals(info.GetProperty("core"), status.Components));
        Assert.Null(status.ClassifierTable);
    }

    [Fact]
    public void An_empty_classifier_table_is_kept()
    {
        var status = WorkerStatus.Read(Info(
            """{ "client-id": 1, "phy": [ "0" ], "vhost": [  ], "ring": [  ], "master-lcore": 1, "core": [ { "core": 2, "type": "unuse" } ], "classifier_table": [  ] }"""))!;

        Assert.Equal(JsonValueKind.Array, status.ClassifierTable!.Value.ValueKind);
        Assert.Equal(0, status.ClassifierTable.Value.GetArrayLength());
    }

    [Theory]
    [InlineData("client-id")]
    [InlineData("phy")]
    [InlineData("vhost")]
    [InlineData("ring")]
    [InlineData("master-lcore")]
    [InlineData("core")]
    public void An_info_lacking_a_member_is_not_a_status(string missing)
    {
        var members = new Dictionary<string, string>
        {
            ["client-id"] = "1", ["phy"] = "[ \"0\" ]", ["vhost"] = "[  ]", ["ring"] = "[  ]", ["master-lcore"] = "1", ["core"] = "[  ]",
        };
        members.Remove(missing);

        Assert.Null(WorkerStatus.Read(Info("{ " + string.Join(", ", members.Select(m => $"\"{m.Key}\": {m.Value}")) + " }")));
    }

    [Theory]
    [InlineData("""{ "client-id": 1, "phy": "0", "vhost": [  ], "ring": [  ], "master-lcore": 1, "core": [  ] }""")]
    [InlineData("""{ "client-id": 1, "phy": [  ], "vhost": null, "ring": [  ], "master-lcore": 1, "core": [  ] }""")]
    [InlineData("""{ "client-id": 1, "phy": [  ], "vhost": [  ], "ring": { "0": 0 }, "master-lcore": 1, "core": [  ] }""")]
    public void A_port_list_that_is_not_an_array_is_not_a_status(string info) => Assert.Null(WorkerStatus.Read(Info(info)));
}
