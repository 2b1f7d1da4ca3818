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

    /// <summary>The shape with object keys sorted, for recordings whose capture tool sorted the keys.</summary>
    public static string OfIgnoringKeyOrder(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement, sortKeys: true);
    }

    public static string Of(JsonElement element, bool sortKeys = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var builder = new StringBuilder("{");
                var properties = element.EnumerateObject().ToList();
                if (sortKeys) properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                foreach (var property in properties)
                    builder.Append(property.Name).Append(':').Append(Of(property.Value, sortKeys)).Append(',');
                return builder.Append('}').ToString();
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(e => Of(e, sortKeys)).Distinct().Order(StringComparer.Ordinal);
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
