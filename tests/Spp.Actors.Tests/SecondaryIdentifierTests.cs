using Spp.Actors.Messages;
using System.Diagnostics;
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
public sealed class SecondaryIdentifierTests
{
    private readonly ControllerSettings settings = new();

    private async Task<(ProcessId? Id, LineFailure? Failure)> IdentifyAsync(FakeProcess newcomer, byte[] reply)
    {
        var identified = SecondaryIdentifier.IdentifyAsync(newcomer.Line, settings);
        Assert.Equal("_get_client_id", await newcomer.NextCommandAsync());
        await newcomer.SendAsync(reply);
        return await identified.WaitAsync(Within.Patience);
    }

    [Fact]
    public async Task An_nfv_is_identified_by_its_padded_reply()
    {
        var (id, _) = await IdentifyAsync(new FakeProcess(settings),
            Padded("""{"results":[{"result":"success"}],"client_id":1,"process_type":"nfv"}"""));

        Assert.Equal(new ProcessId(ProcessType.Nfv, 1), id);
    }

    [Theory]
    [InlineData("vf", ProcessType.Vf)]
    [InlineData("mirror", ProcessType.Mirror)]
    [InlineData("pcap", ProcessType.Pcap)]
    public async Task A_worker_is_identified_by_its_spaced_reply(string processType, ProcessType expected)
    {
        var reply = $$"""{ "results": [ { "result": "success" } ], "client_id": 2, "process_type": "{{processType}}" }""";

        var (id, _) = await IdentifyAsync(new FakeProcess(settings), Encoding.ASCII.GetBytes(reply));

        Assert.Equal(new ProcessId(expected, 2), id);
    }

    [Fact]
    public async Task A_bare_integer_padded_to_a_block_identifies_an_old_nfv()
    {
        var (id, _) = await IdentifyAsync(new FakeProcess(settings), Padded("3"));

        Assert.Equal(new ProcessId(ProcessType.Nfv, 3), id);
    }

    [Fact]
    public async Task A_bare_integer_is_complete_once_the_line_goes_quiet()
    {
        var (id, _) = await IdentifyAsync(new FakeProcess(settings), Encoding.ASCII.GetBytes("3"));

        Assert.Equal(new ProcessId(ProcessType.Nfv, 3), id);
    }

    [Theory]
    [InlineData("Wrong message format")]
    [InlineData("""{"client_id":1}""")]
    [InlineData("""{"results":[{"result":"success"}],"client_id":-1,"process_type":"nfv"}""")]
    [InlineData("""{"results":[{"result":"success"}],"client_id":"1","process_type":"nfv"}""")]
    [InlineData("""{"results":[{"result":"success"}],"client_id":1,"process_type":"primary"}""")]
    [InlineData("""[1,"nfv"]""")]
    public async Task Any_other_reply_identifies_nothing(string reply)
    {
        var (id, _) = await IdentifyAsync(new FakeProcess(settings), Encoding.ASCII.GetBytes(reply));

        Assert.Null(id);
    }

    [Fact]
    public async Task A_newcomer_that_does_not_answer_in_time_is_not_identified()
    {
        var identificationTimeout = TimeSpan.FromMilliseconds(200);
        var impatient = new ControllerSettings { IdentificationTimeout = identificationTimeout };
        var newcomer = new FakeProcess(impatient);
        var clock = Stopwatch.StartNew();

        var identified = SecondaryIdentifier.IdentifyAsync(newcomer.Line, impatient);
        Assert.Equal("_get_client_id", await newcomer.NextCommandAsync());
        var (id, failure) = await identified.WaitAsync(Within.Patience);

        Assert.Null(id);
        Assert.Equal(LineFailure.Timeout, failure);
        Assert.InRange(clock.Elapsed, identificationTimeout - TimeSpan.FromMilliseconds(20), Within.Patience);
    }

    [Fact]
    public async Task The_rest_of_an_nfv_identification_block_is_dropped_once_its_actor_runs()
    {
        var nfv = new FakeProcess(settings);
        var (id, _) = await IdentifyAsync(nfv, Padded("""{"results":[{"result":"success"}],"client_id":1,"process_type":"nfv"}"""));
        var controller = new Controller(settings);
        await controller.ConnectAsync(id!.Value, nfv);

        await nfv.ControllerHasConsumedAllAsync();
        var status = controller.AskAsync(id.Value, "status");
        Assert.Equal("status", await nfv.NextCommandAsync());
        await nfv.SendAsync(Padded("""{"client-id":1,"status":"idling","ports":[],"patches":[]}"""));
        Expect.Replied("""{"client-id":1,"status":"idling","ports":[],"patches":[]}""", await status.Answer());
    }
}
