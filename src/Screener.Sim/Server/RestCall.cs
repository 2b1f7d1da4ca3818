namespace Screener.Sim.Server;

/// <summary>A routed REST request: its weight, known before the gate runs, and the work that answers it once admitted.</summary>
/// <param name="Weight">Request weight charged to the IP.</param>
/// <param name="Produce">Builds the response; runs only when the gate lets the request through.</param>
/// <param name="Weighted">False for endpoints outside the weight budget (fundingInfo): no weight, no header.</param>
internal sealed record RestCall(int Weight, Func<RestReply> Produce, bool Weighted = true);
