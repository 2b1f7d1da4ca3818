namespace Screener.Contracts;

/// <summary>
/// Marker for every message that crosses a process or journal boundary. Bound to the screener serializer,
/// so each implementation must have a stable manifest in <see cref="Serialization.ContractSerializer"/>.
/// </summary>
public interface IScreenerMessage;
