using Akka.Actor;
using Akka.Serialization;
using Screener.Contracts;
using Screener.Contracts.Serialization;

namespace Screener.Storage.Serialization;

/// <summary>
/// Akka serializer for every <see cref="IScreenerMessage"/>: the contracts' own versioned form with a stable
/// string manifest per type, so journal rows survive renames and moves of CLR types.
/// Bound in <c>hocon/akka.conf</c> to the marker interface.
/// </summary>
public sealed class ScreenerSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Stored with every journal row: changing it orphans existing rows.</summary>
    public const int Id = 7_101;

    public override int Identifier => Id;

    public override byte[] ToBinary(object obj) =>
        obj is IScreenerMessage message
            ? ContractSerializer.Serialize(message)
            : throw new ArgumentException($"{obj.GetType().Name} is not a screener message.", nameof(obj));

    public override string Manifest(object o) =>
        o is IScreenerMessage message
            ? ContractSerializer.ManifestOf(message)
            : throw new ArgumentException($"{o.GetType().Name} is not a screener message.", nameof(o));

    public override object FromBinary(byte[] bytes, string manifest) => ContractSerializer.Deserialize(bytes, manifest);
}
