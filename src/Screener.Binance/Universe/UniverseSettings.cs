using Screener.Contracts;

namespace Screener.Binance.Universe;

/// <summary>Which exchangeInfo symbols the screener trades on. Defaults: USDT-quoted perpetuals that are trading.</summary>
public sealed record UniverseSettings
{
    /// <summary>Funding interval assumed for symbols that <c>fundingInfo</c> does not list (Binance's default).</summary>
    public const int DefaultFundingIntervalHours = 8;

    /// <summary>Default settings.</summary>
    public static UniverseSettings Default { get; } = new();

    /// <summary>
    /// Accepted <c>contractType</c>s (default <c>[PERPETUAL]</c>; add <c>TRADIFI_PERPETUAL</c> for gold, equities…).
    /// Empty accepts every type, including symbols without one (spot).
    /// </summary>
    public EquatableArray<string> ContractTypes { get; init; } = new[] { "PERPETUAL" };

    /// <summary>Accepted quote asset (default <c>USDT</c>); empty accepts any.</summary>
    public string QuoteAsset { get; init; } = "USDT";

    /// <summary>Required status (default <c>TRADING</c>: other statuses deliver no data).</summary>
    public string Status { get; init; } = "TRADING";

    /// <summary>
    /// Minimum rolling 24 h quote volume (default 0 = off). When on, <c>GET /fapi/v1/ticker/24hr</c> (weight 40) is
    /// read once; a symbol without a ticker row is excluded.
    /// </summary>
    public decimal MinQuoteVolume24h { get; init; }

    /// <summary>
    /// When not empty, only these symbols are candidates (the other filters still apply, and their reasons are
    /// reported). A listed symbol that exchangeInfo does not know is an error (<see cref="UniverseException"/>).
    /// </summary>
    public EquatableArray<string> Include { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Symbols never included, whatever the other filters say. Unknown names are ignored.</summary>
    public EquatableArray<string> Exclude { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// When set, only this many of the symbols that pass every other filter are kept: those with the highest rolling
    /// 24 h quote volume (a symbol without a ticker row ranks last; ties by name). Reads the 24 h ticker (weight 40),
    /// as the volume filter does. Default null: no limit.
    /// </summary>
    public int? Top { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MinQuoteVolume24h < 0) throw new ArgumentOutOfRangeException(nameof(MinQuoteVolume24h), MinQuoteVolume24h, "Must be >= 0.");
        if (Top is < 1) throw new ArgumentOutOfRangeException(nameof(Top), Top, "Must be at least 1.");
        if (string.IsNullOrWhiteSpace(Status)) throw new ArgumentException("Status must not be blank.", nameof(Status));
        foreach (var symbol in Include.Concat(Exclude))
            if (string.IsNullOrWhiteSpace(symbol)) throw new ArgumentException("Include and Exclude must not contain blank symbols.");
    }
}
