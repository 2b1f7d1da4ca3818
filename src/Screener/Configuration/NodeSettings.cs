namespace Screener.Configuration;

/// <summary><c>screener.node</c>: the cluster/remoting port and the node's ingest shard name.</summary>
public sealed record NodeSettings(int Port, string Shard)
{
    public NodeSettings Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"screener.node.port must be 0..65535, was {Port}.");
        if (string.IsNullOrWhiteSpace(Shard) || Shard.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
            throw new ArgumentException($"screener.node.shard must be letters, digits or '-', was '{Shard}'.");
        return this;
    }

    /// <summary>The remoting port goes to Akka through this override.</summary>
    public string Hocon => $"akka.remote.dot-netty.tcp.port = {Port}";
}
