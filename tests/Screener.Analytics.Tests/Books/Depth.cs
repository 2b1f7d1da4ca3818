using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Analytics.Tests.Books;

/// <summary>Terse builders for hand-written futures depth events: levels are (price, quantity) pairs.</summary>
internal static class Depth
{
    public const string Symbol = "KSMUSDT";

    public static DepthDiff Diff(long first, long final, long previousFinal, (decimal, decimal)[]? bids = null, (decimal, decimal)[]? asks = null) =>
        new(Symbol, 0, 0, 0, first, final, previousFinal, Levels(bids), Levels(asks));

    public static DepthSnapshot Snapshot(long lastUpdateId, (decimal, decimal)[]? bids = null, (decimal, decimal)[]? asks = null) =>
        new(Symbol, 0, 0, 0, lastUpdateId, Levels(bids), Levels(asks));

    public static EquatableArray<PriceLevel> Levels((decimal Price, decimal Quantity)[]? levels) =>
        (levels ?? []).Select(l => new PriceLevel(l.Price, l.Quantity)).ToArray();

    /// <summary>Levels as [price, qty] wire strings: decimal.ToString keeps the scale the exchange sent.</summary>
    public static string[][] Render(IEnumerable<PriceLevel> levels) =>
        levels.Select(l => new[] { l.Price.ToString(), l.Quantity.ToString() }).ToArray();
}
