namespace Screener.Sim.Market.Episodes;

/// <summary>
/// What an episode does to one symbol during one step, as multipliers and offsets on the symbol's own dynamics.
/// <see cref="None"/> is exact identity (multiplying by 1 and adding 0 change no bit), so a market without episodes
/// produces the bytes it produced before episodes existed.
/// </summary>
/// <param name="Activity">Multiplier on taker-order and book-churn intensity.</param>
/// <param name="BuyBias">Added to the probability that a taker buys.</param>
/// <param name="Volatility">Multiplier on the idiosyncratic volatility.</param>
/// <param name="BidDepth">Multiplier on the size of new bid quotes.</param>
/// <param name="AskDepth">Multiplier on the size of new ask quotes.</param>
/// <param name="Drift">Added to this step's log return of the fair price.</param>
internal readonly record struct EpisodeEffect(double Activity, double BuyBias, double Volatility, double BidDepth, double AskDepth, double Drift)
{
    public static readonly EpisodeEffect None = new(1, 0, 1, 1, 1, 0);
}
