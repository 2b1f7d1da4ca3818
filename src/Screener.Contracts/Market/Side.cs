using System.Text.Json.Serialization;

namespace Screener.Contracts.Market;

/// <summary>Order side. For trades it is the aggressor (taker) side.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Side>))]
public enum Side
{
    Buy = 0,
    Sell = 1,
}
