namespace Screener.Sim.Market;

/// <summary>One price level as the wire prints it: decimal strings with the symbol's precision.</summary>
public sealed record BookLevel(string Price, string Quantity);
