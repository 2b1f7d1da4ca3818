using System.Text.Json;

namespace Screener.Sim.Server;

/// <summary>The <c>id</c> of a control frame kept as its JSON text, so replies echo it with its type (int64, string, or null).</summary>
internal sealed record RequestId(string Json)
{
    public static RequestId Null { get; } = new("null");

    /// <summary>Accepts an int64 number, a string of at most 36 ASCII letters/digits, or null.</summary>
    public static bool TryRead(JsonElement element, out RequestId id)
    {
        id = Null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var number):
                id = new RequestId(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Length > 36 || !text.All(char.IsAsciiLetterOrDigit)) return false;
                id = new RequestId(JsonSerializer.Serialize(text, SimJsonContext.Default.String));
                return true;
            default:
                return false;
        }
    }
}
