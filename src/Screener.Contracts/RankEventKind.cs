using System.Text.Json.Serialization;

namespace Screener.Contracts;

/// <summary>What a <see cref="RankEvent"/> announces.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RankEventKind>))]
public enum RankEventKind
{
    [JsonStringEnumMemberName("SYMBOL_ENTER")] SymbolEnter = 0,
    [JsonStringEnumMemberName("SYMBOL_EXIT")] SymbolExit = 1,
    [JsonStringEnumMemberName("ALERT")] Alert = 2,
}
