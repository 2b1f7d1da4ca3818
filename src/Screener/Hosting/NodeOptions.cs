namespace Screener.Hosting;

/// <summary>How to start a node: journal file, exchange endpoints and symbols (null = from config), console logging.</summary>
public sealed record NodeOptions(
    string DbPath,
    Uri? WsBase = null,
    Uri? RestBase = null,
    IReadOnlyList<string>? Symbols = null,
    bool ConsoleLogs = true,
    string Environment = "dev",
    IReadOnlyList<string>? Overrides = null);
