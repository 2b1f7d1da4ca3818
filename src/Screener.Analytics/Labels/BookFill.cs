namespace Screener.Analytics.Labels;

/// <summary>
/// What an aggressive order for one profile's notional would have got from the book at one tick: the volume-weighted
/// price of walking the asks (a buy) and of walking the bids (a sell), best level first. See <see cref="BookWalk"/>.
/// </summary>
/// <param name="BuyVwap">Average price of buying the notional by taking the asks from the best level outwards.</param>
/// <param name="SellVwap">Average price of selling the notional by hitting the bids from the best level outwards.</param>
/// <param name="Thin">
/// One side (or both) held less than the notional: its price averages all the depth there was, so it understates the
/// cost of the full size.
/// </param>
public readonly record struct BookFill(double BuyVwap, double SellVwap, bool Thin);
