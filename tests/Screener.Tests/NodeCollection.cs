namespace Screener.Tests;

/// <summary>Node-level tests run one at a time: each starts a simulated exchange and a full node on this 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeCollection
{
    public const string Name = "node";
}
