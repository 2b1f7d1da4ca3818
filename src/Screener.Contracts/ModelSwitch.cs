namespace Screener.Contracts;

/// <summary>
/// The graph changed model: every prediction from cadence time <see cref="Time"/> on comes from
/// <see cref="ToVersion"/>, every one before from <see cref="FromVersion"/>. Journaled under <c>models</c>.
/// </summary>
public sealed record ModelSwitch(long Time, string FromVersion, string ToVersion) : IScreenerMessage;
