namespace Screener.Bench;

/// <summary>Garbage collections so far, per generation (a collection of a generation counts for the younger ones too).</summary>
public readonly record struct GcCounts(int Gen0, int Gen1, int Gen2)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static GcCounts operator -(GcCounts a, GcCounts b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);

    public override string ToString() => $"{Gen0} / {Gen1} / {Gen2}";
}
