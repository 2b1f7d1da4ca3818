namespace Screener.Contracts.Market;

/// <summary>One order-book level. Quantity is absolute; zero deletes the level.</summary>
public readonly record struct PriceLevel(decimal Price, decimal Quantity);
