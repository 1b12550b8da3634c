using System.Text.Json;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace Spp.Actors.Hosts;

/// <summary>
/// The one serializer of every <see cref="IHostMessage"/>: JSON, with the record's name as manifest, so a message
/// never falls back to Akka's default serializer (which would tie the wire to .NET type names).
/// </summary>
public sealed class HostMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7177;

    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(HostCall), typeof(HostAnswer), typeof(HostProcesses), typeof(HostEvent),
    }.ToDictionary(t => t.Name);

    public override int Identifier => Id;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType());

    public override object FromBinary(byte[] bytes, string manifest) =>
        Types.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type) ?? throw new SerializationException($"empty {manifest}")
            : throw new SerializationException($"unknown host message {manifest}");
}
