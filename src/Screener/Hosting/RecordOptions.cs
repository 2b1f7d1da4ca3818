namespace Screener.Hosting;

/// <summary>
/// How to start a <see cref="Recorder"/>: journal file, exchange endpoints (null = from config) and which symbols.
/// </summary>
/// <param name="Symbols">The symbols to record (the in-process simulator's), or null for the configured ones.</param>
/// <param name="Top">When set, the configured symbols are ignored and the universe keeps the N with the highest 24 h quote volume.</param>
public sealed record RecordOptions(
    string DbPath,
    Uri? WsBase = null,
    Uri? RestBase = null,
    IReadOnlyList<string>? Symbols = null,
    int? Top = null,
    string Environment = "dev");
