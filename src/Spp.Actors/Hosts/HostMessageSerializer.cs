using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace Spp.Actors.Hosts;

/// <summary>
/// The one serializer of every <see cref="IHostMessage"/>, with the record's name as manifest, so a message never
/// falls back to Akka's default serializer (which would tie the wire to .NET type names). Binary, field by field:
/// a body (a 32 KiB status reply) travels as its bytes, not as base64 in JSON.
/// </summary>
public sealed class HostMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7177;

    public override int Identifier => Id;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            switch (obj)
            {
                case HostCall call:
                    writer.Write(call.Method);
                    writer.Write(call.Route);
                    Write(writer, call.Parameters);
                    Write(writer, call.Headers);
                    Write(writer, call.Body);
                    writer.Write(call.Operator);
                    break;
                case HostAnswer answer:
                    writer.Write(answer.Status);
                    Write(writer, answer.Body);
                    writer.Write(answer.ETag ?? "");
                    break;
                case HostProcesses processes:
                    writer.Write(processes.Host);
                    writer.Write(processes.Processes.Count);
                    foreach (var process in processes.Processes) writer.Write(process);
                    break;
                case HostEvent e:
                    writer.Write(e.Host);
                    writer.Write(e.Kind);
                    writer.Write(e.Json);
                    break;
                default:
                    throw new SerializationException($"not a host message: {obj.GetType()}");
            }
        }
        return buffer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        return manifest switch
        {
            nameof(HostCall) => new HostCall(reader.ReadString(), reader.ReadString(), ReadMap(reader), ReadMap(reader), ReadBytes(reader), reader.ReadString()),
            nameof(HostAnswer) => new HostAnswer(reader.ReadInt32(), ReadBytes(reader), reader.ReadString() is { Length: > 0 } tag ? tag : null),
            nameof(HostProcesses) => new HostProcesses(reader.ReadString(), [.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString())]),
            nameof(HostEvent) => new HostEvent(reader.ReadString(), reader.ReadString(), reader.ReadString()),
            _ => throw new SerializationException($"unknown host message {manifest}"),
        };
    }

    private static void Write(BinaryWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.Write(map.Count);
        foreach (var (key, value) in map)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    private static void Write(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static Dictionary<string, string> ReadMap(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var map = new Dictionary<string, string>(count);
        for (var i = 0; i < count; i++) map[reader.ReadString()] = reader.ReadString();
        return map;
    }

    private static byte[] ReadBytes(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());
}
