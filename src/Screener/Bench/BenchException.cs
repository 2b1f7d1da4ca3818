namespace Screener.Bench;

/// <summary>A benchmark run that cannot produce a trustworthy figure: the child failed, the run stalled, or a check failed.</summary>
public sealed class BenchException(string message) : Exception(message);
