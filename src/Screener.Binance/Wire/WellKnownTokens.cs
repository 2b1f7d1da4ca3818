using System.Text.Json;

namespace Screener.Binance.Wire;

/// <summary>
/// Shared string instances for the small vocabularies Binance repeats in every frame (kline intervals, order
/// statuses), so reading them allocates nothing; anything else is read as a new string.
/// </summary>
internal static class WellKnownTokens
{
    private static readonly string[] Tokens =
    [
        "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M", "1s",
        "NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH", "REJECTED",
    ];

    private static readonly byte[][] Utf8Tokens = Tokens.Select(t => System.Text.Encoding.UTF8.GetBytes(t)).ToArray();

    /// <summary>The current string token of <paramref name="reader"/>, shared when well known.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < Utf8Tokens.Length; i++)
                if (span.SequenceEqual(Utf8Tokens[i])) return Tokens[i];
        }

        return reader.GetString() ?? "";
    }
}
