namespace Screener.Binance.Transport;

/// <summary>Settings of <see cref="BinanceRestClient"/>. Defaults target production USDⓈ-M futures.</summary>
public sealed record BinanceRestSettings
{
    /// <summary>REST base (default <c>https://fapi.binance.com</c>; the simulator or spot use another).</summary>
    public Uri BaseUri { get; init; } = new("https://fapi.binance.com");

    /// <summary>Path prefix of the versioned API (default <c>/fapi/v1</c>; spot is <c>/api/v3</c>).</summary>
    public string ApiPrefix { get; init; } = "/fapi/v1";

    /// <summary>Per-request timeout (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest <c>Retry-After</c> a 429 is waited out before its single retry (default 10 s). A longer one is thrown
    /// to the caller at once: retrying before Retry-After has passed is what turns 429s into a 418 ban.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before retrying a 429 that carries no <c>Retry-After</c> (default 1 s).</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Ban length assumed for a 418 with neither <c>Retry-After</c> nor a readable end time (default 2 min, Binance's shortest ban).</summary>
    public TimeSpan DefaultBanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Production USDⓈ-M futures.</summary>
    public static BinanceRestSettings Futures { get; } = new();

    /// <summary>Production spot (<c>https://api.binance.com/api/v3</c>).</summary>
    public static BinanceRestSettings Spot { get; } = new() { BaseUri = new Uri("https://api.binance.com"), ApiPrefix = "/api/v3" };

    /// <summary>Throws when a value is out of range; called by the client's constructor.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUri);
        if (!BaseUri.IsAbsoluteUri || BaseUri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"BaseUri must be an absolute http(s) URI, was {BaseUri}.", nameof(BaseUri));
        if (string.IsNullOrWhiteSpace(ApiPrefix) || !ApiPrefix.StartsWith('/'))
            throw new ArgumentException($"ApiPrefix must start with '/', was '{ApiPrefix}'.", nameof(ApiPrefix));
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RequestTimeout));
        if (MaxRetryAfterWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxRetryAfterWait));
        if (DefaultRetryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultRetryAfter));
        if (DefaultBanDuration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultBanDuration));
    }
}
