using System.Globalization;
using System.Text.Json;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Tests.Normalise;

/// <summary>An independent reading of depth JSON (DOM + decimal.Parse) to check the decoder against.</summary>
internal static class ExpectedDepth
{
    public static EquatableArray<PriceLevel> Levels(JsonElement side) =>
        side.EnumerateArray()
            .Select(l => new PriceLevel(
                decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture),
                decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture)))
            .ToArray();

    public static JsonElement Data(string frame) => JsonDocument.Parse(frame).RootElement.GetProperty("data");
}
