namespace Screener.Sim.Market;

/// <summary>Market-wide inputs of one step shared by every symbol.</summary>
/// <param name="PreviousNowMs">Simulated time before the step.</param>
/// <param name="NowMs">Simulated time after the step; the <c>E</c> of everything it emits.</param>
/// <param name="CommonReturn">This step's common (BTC) factor log return.</param>
/// <param name="CommonSigma">Standard deviation of <paramref name="CommonReturn"/> this step.</param>
/// <param name="Regime">Regime multipliers in force.</param>
internal readonly record struct StepContext(long PreviousNowMs, long NowMs, double CommonReturn, double CommonSigma, RegimeChain Regime)
{
    public double Seconds => (NowMs - PreviousNowMs) / 1000.0;
}
