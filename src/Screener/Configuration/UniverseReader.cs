using Akka.Configuration;
using Screener.Binance.Universe;

namespace Screener.Configuration;

/// <summary>
/// Reads <c>screener.universe</c> into the connector's <see cref="UniverseSettings"/>. With no include list the
/// configured <c>screener.exchange.symbols</c> (or the simulator's symbols in the demo) are the include list.
/// </summary>
public static class UniverseReader
{
    public static UniverseSettings Read(Config config, IReadOnlyList<string> fallbackInclude)
    {
        if (!config.HasPath("screener.universe")) throw new ConfigurationException("Missing configuration block 'screener.universe'.");
        var u = config.GetConfig("screener.universe");
        var include = u.GetStringList("include");
        var settings = new UniverseSettings
        {
            ContractTypes = u.GetStringList("contract-types").ToArray(),
            QuoteAsset = u.GetString("quote-asset"),
            Status = u.GetString("status"),
            MinQuoteVolume24h = u.GetDecimal("min-quote-volume-24h"),
            Include = (include.Count > 0 ? include.ToArray() : fallbackInclude.ToArray()),
            Exclude = u.GetStringList("exclude").ToArray(),
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Invalid screener.universe settings: {e.Message}", e);
        }
        return settings;
    }
}
