using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Spp.Protocol.Framing;
using ByteString = Akka.IO.ByteString;
using Tcp = Akka.Streams.Dsl.Tcp;

namespace Spp.Floor;

/// <summary>One connection's flow materialized once; <c>status</c> sent for the first asker in line, one at a time.</summary>
internal sealed class FloorProcess : ReceiveActor
{
    private static readonly ByteString StatusBytes = ByteString.FromBytes(StatusCommand.Bytes);

    private readonly IActorRef commands;
    private readonly Queue<IActorRef> askers = new();
    private readonly byte[] reply = new byte[ReplyFramer.PaddedBlockSize];
    private int received;
    private bool identified;

    public FloorProcess(Tcp.IncomingConnection connection, IMaterializer materializer)
    {
        commands = Source.ActorRef<ByteString>(8, OverflowStrategy.Fail)
            .Via(connection.Flow)
            .To(Sink.ActorRef<ByteString>(Self, PoisonPill.Instance, _ => PoisonPill.Instance))
            .Run(materializer);
        commands.Tell(ByteString.FromString("_get_client_id"));
        Receive<Status>(_ =>
        {
            askers.Enqueue(Sender);
            if (identified && askers.Count == 1) SendStatus();
        });
        Receive<ByteString>(Read);
    }

    private void Read(ByteString bytes)
    {
        bytes.CopyTo(reply, received, bytes.Count);
        received += bytes.Count;
        if (received < reply.Length) return;
        received = 0;
        if (identified) askers.Dequeue().Tell(PaddedReply.Json(reply));
        identified = true;
        if (askers.Count > 0) SendStatus();
    }

    private void SendStatus() => commands.Tell(StatusBytes);
}
