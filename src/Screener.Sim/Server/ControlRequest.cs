namespace Screener.Sim.Server;

/// <summary>A validated control frame.</summary>
/// <param name="Method">What to do.</param>
/// <param name="Id">Echoed in the reply.</param>
/// <param name="Streams">SUBSCRIBE/UNSUBSCRIBE stream names (empty otherwise).</param>
/// <param name="CombinedValue">SET_PROPERTY value of <c>combined</c>.</param>
internal sealed record ControlRequest(ControlMethod Method, RequestId Id, IReadOnlyList<string> Streams, bool CombinedValue = false);
