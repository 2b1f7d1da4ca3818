namespace Screener.Contracts;

/// <summary>One model head: an execution profile at one horizon.</summary>
/// <param name="PInPlay">Calibrated probability that the move net of cost is positive.</param>
public sealed record HeadPrediction(
    string Profile, int HorizonSeconds, double PInPlay, double ExpectedMoveBps, double CostBps, double NetEdgeBps);
