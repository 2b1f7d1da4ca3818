namespace Screener.Contracts;

/// <summary>
/// Cheaply tells what a raw frame carries and for which symbol, without decoding it, so the ingest router can
/// shed load in a declared order. Supplied by the exchange adapter.
/// </summary>
public interface IFrameClassifier
{
    (FrameCategory Category, string? Symbol) Classify(RawFrame frame);
}
