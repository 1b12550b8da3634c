using System.Text;
using System.Text.Json;
using Spp.Protocol.Replies;

namespace Spp.Protocol.Tests.Status;

/// <summary>The status replies of wire-protocol.md 11.1-11.5, and what the reply reader makes of them.</summary>
public static class StatusVectors
{
    /// <summary>11.1, in its one-line wire form.</summary>
    public const string Primary =
        """{"master-lcore":0,"lcores":[0,1],"forwarder":{"status":"running","ports":["phy:0","phy:1","ring:0","pipe:0"],"patches":[{"src":"phy:0","dst":"ring:0"}]},"phy_ports":[{"id":0,"eth":"3c:fd:fe:b6:c4:28","rx":182734,"tx":182730,"tx_drop":4,"nof_queues":{"rx":1,"tx":1},"flow":[{"rule_id":0,"attr":{"group":1,"priority":0,"ingress":1,"egress":0,"transfer":0},"patterns":[{"type":"eth","spec":{"dst":"10:22:33:44:55:66","src":"00:00:00:00:00:00","type":"0x0000"},"last":null,"mask":{"dst":"FF:FF:FF:FF:FF:FF","src":"00:00:00:00:00:00","type":"0x0000"}},{"type":"vlan","spec":{"tci":"0x6400","inner_type":"0x0000"},"last":null,"mask":{"tci":"0xffff","inner_type":"0x0000"}}],"actions":[{"type":"queue","conf":{"index":0}},{"type":"of_pop_vlan","conf":null}]}]},{"id":1,"eth":"3c:fd:fe:b6:c4:29","rx":0,"tx":0,"tx_drop":0,"nof_queues":{"rx":1,"tx":1},"flow":[]}],"ring_ports":[{"id":0,"rx":0,"rx_drop":0,"tx":182730,"tx_drop":0},{"id":1,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0},{"id":2,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0},{"id":3,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0}],"pipes":[{"id":0,"rx":1,"tx":2}]}""";

    /// <summary>11.2.</summary>
    public const string Nfv =
        """{"client-id":1,"status":"running","master-lcore":1,"lcores":[1,2],"ports":["phy:0","phy:1","ring:0","vhost:1"],"patches":[{"src":"phy:0","dst":"ring:0"},{"src":"ring:0","dst":"vhost:1"}]}""";

    /// <summary>11.2, multi-queue.</summary>
    public const string NfvMultiQueue =
        """{"client-id":2,"status":"idling","master-lcore":3,"lcores":[3,4],"ports":["phy:0 nq 0","phy:0 nq 1","phy:1","ring:1"],"patches":[{"src":"phy:0 nq 1","dst":"ring:1"}]}""";

    /// <summary>11.3, in its one-line wire form.</summary>
    public const string Vf =
        """{ "results": [ { "result": "success" } ], "info": { "client-id": 2, "phy": [ "0", "1" ], "vhost": [ "1" ], "ring": [ "0", "1" ], "master-lcore": 1, "core": [ { "core": 2, "name": "cls1", "type": "classifier", "rx_port": [ { "port": "phy:0", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ], "tx_port": [ { "port": "ring:0", "vlan": { "operation": "none", "id": 0, "pcp": 0 } }, { "port": "ring:1", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ] }, { "core": 3, "name": "fwd1", "type": "forward", "rx_port": [ { "port": "ring:0", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ], "tx_port": [ { "port": "vhost:1", "vlan": { "operation": "add", "id": 101, "pcp": 3 } } ] }, { "core": 4, "type": "unuse" }, { "core": 5, "type": "unuse" } ], "classifier_table": [ { "type": "mac", "value": "default", "port": "ring:1" }, { "type": "mac", "value": "FA:16:3E:7D:CC:35", "port": "ring:0" } ] } }""";

    /// <summary>11.4.</summary>
    public const string Mirror =
        """{ "results": [ { "result": "success" } ], "info": { "client-id": 3, "phy": [ "0", "1" ], "vhost": [  ], "ring": [ "0", "1", "2" ], "master-lcore": 1, "core": [ { "core": 2, "name": "mr1", "type": "mirror", "rx_port": [ { "port": "ring:0", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ], "tx_port": [ { "port": "ring:1", "vlan": { "operation": "none", "id": 0, "pcp": 0 } }, { "port": "ring:2", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ] }, { "core": 3, "type": "unuse" } ] } }""";

    /// <summary>11.5, running.</summary>
    public const string Pcap =
        """{ "results": [ { "result": "success" } ], "info": { "client-id": 4, "status": "running", "master-lcore": 1, "core": [ { "core": 2, "role": "receive", "rx_port": [ { "port": "phy:0" } ] }, { "core": 3, "role": "write", "filename": "OUTDIR/spp_pcap.20200601120000.phy0.1.1.pcap.lz4" }, { "core": 4, "role": "write", "filename": "OUTDIR/spp_pcap.20200601120000.phy0.2.1.pcap.lz4" } ] } }""";

    /// <summary>The status object of primary or nfv, or the <c>info</c> of a worker, as the reply reader accepts it.</summary>
    public static JsonElement Accepted(ReplyFamily family, string reply)
    {
        var verdict = Assert.IsType<ReplyVerdict.Accepted>(ReplyReader.Status(family, Encoding.ASCII.GetBytes(reply)));
        Assert.NotNull(verdict.Value);
        return verdict.Value.Value;
    }

    /// <summary>A worker's <c>info</c> written out, for the shapes the processes do not send today.</summary>
    public static JsonElement Info(string info) => JsonElement.Parse(info);

    public static JsonElement Json(string json) => JsonElement.Parse(json);
}
