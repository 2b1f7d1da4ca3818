namespace Screener.Offline.Tests.Export;

/// <summary>The specs sharing one <see cref="TrainedHeadsFixture"/>: the models are trained once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedHeadsCollection : ICollectionFixture<TrainedHeadsFixture>
{
    public const string Name = "trained tree heads";
}
