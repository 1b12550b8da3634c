using System.Text;
using Spp.Actors.Connections;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// rest-api.md 1.9.1, wire-protocol.md 3.2-3.3: a newcomer on the secondary port is asked <c>_get_client_id</c>
/// and registered only if it answers with its type and client id in time.
/// </summary>
public sealed class IdentificationTests : ControllerTest
{
    [Fact]
    public async Task An_nfv_is_identified_by_its_padded_reply()
    {
        await ConnectAsync(new ProcessId(ProcessType.Nfv, 1),
            Padded("""{"results":[{"result":"success"}],"client_id":1,"process_type":"nfv"}"""));
    }

    [Theory]
    [InlineData("vf", ProcessType.Vf)]
    [InlineData("mirror", ProcessType.Mirror)]
    [InlineData("pcap", ProcessType.Pcap)]
    public async Task A_worker_is_identified_by_its_spaced_reply(string processType, ProcessType expected)
    {
        var reply = $$"""{ "results": [ { "result": "success" } ], "client_id": 2, "process_type": "{{processType}}" }""";

        await ConnectAsync(new ProcessId(expected, 2), Encoding.ASCII.GetBytes(reply));
    }

    [Fact]
    public async Task A_bare_integer_padded_to_a_block_identifies_an_old_nfv()
    {
        await ConnectAsync(new ProcessId(ProcessType.Nfv, 3), Padded("3"));
    }

    [Fact]
    public async Task A_bare_integer_is_complete_once_the_line_goes_quiet()
    {
        await ConnectAsync(new ProcessId(ProcessType.Nfv, 3), Encoding.ASCII.GetBytes("3"));
    }

    [Theory]
    [InlineData("Wrong message format")]
    [InlineData("""{"client_id":1}""")]
    [InlineData("""{"results":[{"result":"success"}],"client_id":-1,"process_type":"nfv"}""")]
    [InlineData("""{"results":[{"result":"success"}],"client_id":"1","process_type":"nfv"}""")]
    [InlineData("""{"results":[{"result":"success"}],"client_id":1,"process_type":"primary"}""")]
    [InlineData("""{"results":[{"result":"error"}],"client_id":1,"process_type":"vf"}""")]
    [InlineData("""[1,"nfv"]""")]
    public async Task A_newcomer_that_answers_anything_else_is_closed_and_never_registered(string reply)
    {
        var newcomer = await NewcomerAsync(SppPort.Secondary);
        Assert.Equal("_get_client_id", await newcomer.NextCommandAsync());

        await newcomer.SendAsync(reply);

        Assert.Equal("", await newcomer.ClosedByControllerAsync());
        Assert.Empty(Directory.Snapshot.All);
    }

    [Fact]
    public async Task Many_newcomers_identified_at_once_are_all_registered()
    {
        var ids = Enumerable.Range(1, 64).Select(i => new ProcessId(i % 2 == 0 ? ProcessType.Nfv : ProcessType.Vf, i)).ToArray();
        var newcomers = await Task.WhenAll(ids.Select(_ => NewcomerAsync(SppPort.Secondary)));
        foreach (var newcomer in newcomers) Assert.Equal("_get_client_id", await newcomer.NextCommandAsync());

        await Task.WhenAll(newcomers.Zip(ids, (newcomer, id) => newcomer.SendAsync(IdentificationReply(id))));

        await AwaitAssertAsync(() => Assert.Equal(ids.OrderBy(id => id.ClientId), Directory.Snapshot.All.Select(r => r.Id)));
        var status = Ask(ids[^1], "status");
        Assert.Equal("status", await newcomers[^1].NextCommandAsync());
        await newcomers[^1].SendAsync(Padded("""{"client-id":64,"status":"idling","ports":[],"patches":[]}"""));
        await ExpectRepliedAsync(status, """{"client-id":64,"status":"idling","ports":[],"patches":[]}""");
    }

    [Fact]
    public async Task The_rest_of_an_nfv_identification_block_is_dropped()
    {
        var nfv = await ConnectAsync(Nfv1, Padded("""{"results":[{"result":"success"}],"client_id":1,"process_type":"nfv"}"""));
        Watch(nfv.Actor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        var status = Ask(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"client-id":1,"status":"idling","ports":[],"patches":[]}"""));
        await ExpectRepliedAsync(status, """{"client-id":1,"status":"idling","ports":[],"patches":[]}""");
    }
}
