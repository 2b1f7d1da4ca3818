using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Screener.Sim.Tests.Support;

/// <summary>Assertions about wire values shared by model and protocol specs.</summary>
internal static partial class Wire
{
    /// <summary>Plain decimal string: optional minus, digits, optional fraction; no exponent, no spaces.</summary>
    public static bool IsDecimalString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && DecimalPattern().IsMatch(value.GetString()!);

    public static decimal Decimal(JsonElement value) => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Number of digits after the decimal point.</summary>
    public static int Decimals(JsonElement value)
    {
        var text = value.GetString()!;
        var dot = text.IndexOf('.');
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex DecimalPattern();
}
