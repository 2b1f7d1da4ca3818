using System.Text;
using System.Text.Json;

namespace Screener.Sim.Tests.Support;

/// <summary>
/// A JSON value's shape: object keys in order with their value kinds, recursively; arrays as the set of
/// their element shapes. Two payloads with equal shapes are interchangeable for a parser.
/// </summary>
internal static class JsonShape
{
    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    public static string Of(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var builder = new StringBuilder("{");
                foreach (var property in element.EnumerateObject())
                    builder.Append(property.Name).Append(':').Append(Of(property.Value)).Append(',');
                return builder.Append('}').ToString();
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(Of).Distinct().Order(StringComparer.Ordinal);
                return "[" + string.Join("|", items) + "]";
            case JsonValueKind.True:
            case JsonValueKind.False:
                return "bool";
            default:
                return element.ValueKind.ToString().ToLowerInvariant();
        }
    }

    /// <summary>The <c>data</c> member of a combined-stream fixture file.</summary>
    public static JsonElement FixtureData(string file)
    {
        using var document = JsonDocument.Parse(Fixture.Text(file));
        return document.RootElement.GetProperty("data").Clone();
    }
}
