using Akka.Actor;
using Spp.Actors.Hosts;

namespace Spp.Actors.Tests.Hosts;

public sealed class HostMessageSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly HostMessageSerializer serializer;

    public HostMessageSerializerTests() => serializer = new HostMessageSerializer((ExtendedActorSystem)Sys);

    private T RoundTrip<T>(T message) where T : IHostMessage =>
        Assert.IsType<T>(serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message)));

    [Fact]
    public void A_call_keeps_its_route_parameters_headers_body_and_operator()
    {
        var call = new HostCall("PUT", "/v1/nfvs/{client_id}/ports", new Dictionary<string, string> { ["client_id"] = "1" },
            new Dictionary<string, string> { ["If-Match"] = "\"abc\"" }, "{\"action\":\"add\",\"port\":\"ring:0\"}"u8.ToArray(), "alice");
        var back = RoundTrip(call);
        Assert.Equal(("PUT", "/v1/nfvs/{client_id}/ports", "alice"), (back.Method, back.Route, back.Operator));
        Assert.Equal(call.Parameters, back.Parameters);
        Assert.Equal(call.Headers, back.Headers);
        Assert.Equal(call.Body, back.Body);
    }

    [Fact]
    public void An_answer_carries_a_padded_reply_as_its_bytes()
    {
        var body = new byte[32768];
        "{\"status\":\"idling\"}"u8.CopyTo(body);
        var answer = new HostAnswer(200, body, "\"e1\"");
        var bytes = serializer.ToBinary(answer);
        Assert.True(bytes.Length < body.Length + 64, $"{bytes.Length} bytes");
        var back = RoundTrip(answer);
        Assert.Equal((200, "\"e1\""), (back.Status, back.ETag));
        Assert.Equal(body, back.Body);
        Assert.Null(RoundTrip(new HostAnswer(204, [], null)).ETag);
    }

    [Fact]
    public void Processes_and_events_round_trip()
    {
        Assert.Equal(["primary", "nfv:1"], RoundTrip(new HostProcesses("c", ["primary", "nfv:1"])).Processes);
        Assert.Equal(new HostEvent("c", "command-applied", "{\"x\":1}"), RoundTrip(new HostEvent("c", "command-applied", "{\"x\":1}")));
    }

    [Fact]
    public void An_unknown_manifest_is_refused() =>
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "Other"));
}
