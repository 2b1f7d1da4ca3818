using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Screener.Binance.Transport;
using Screener.Contracts;

namespace Screener.Binance.Universe;

/// <summary>
/// Builds the <see cref="Universe"/>: exchangeInfo (weight 1), the 24 h ticker (weight 40) only when
/// <see cref="UniverseSettings.MinQuoteVolume24h"/> or <see cref="UniverseSettings.Top"/> is on, and fundingInfo
/// (weight 0) for funding intervals.
/// </summary>
/// <remarks>
/// Filters, in the order their reasons are reported: exclude list, include list, status, contract type, quote asset,
/// 24 h quote volume, and last the top-N by 24 h quote volume among the symbols left. A failing fundingInfo call is not fatal (every interval is then the 8 h default, with a warning);
/// a failing ticker call is, because the volume filter could not be applied.
/// </remarks>
public static class UniverseBuilder
{
    /// <summary>Reads what the settings need through <paramref name="rest"/> and builds the universe.</summary>
    /// <exception cref="UniverseException">The include list names symbols exchangeInfo does not list.</exception>
    /// <exception cref="BinanceApiException">exchangeInfo or the needed ticker failed.</exception>
    public static async Task<Universe> BuildAsync(
        BinanceRestClient rest, UniverseSettings settings, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var info = await rest.GetExchangeInfoAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, decimal>? volumes = null;
        if (settings.MinQuoteVolume24h > 0 || settings.Top is not null)
        {
            var ticker = await rest.GetTicker24hRawAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                volumes = UniverseRows.QuoteVolumes(ticker.Body);
            }
            catch (JsonException ex)
            {
                throw new BinanceApiException(ticker.Endpoint, 200, null, $"unreadable ticker/24hr: {ex.Message}", null);
            }
        }

        Dictionary<string, int> funding;
        try
        {
            funding = UniverseRows.FundingIntervals((await rest.GetFundingInfoRawAsync(cancellationToken).ConfigureAwait(false)).Body);
        }
        catch (Exception ex) when (ex is BinanceApiException or BinanceIpBannedException or BinanceCircuitOpenException
                                       or JsonException or HttpRequestException)
        {
            logger?.LogWarning("fundingInfo unavailable ({Reason}); every funding interval assumed {Hours} h",
                ex.Message, UniverseSettings.DefaultFundingIntervalHours);
            funding = new Dictionary<string, int>();
        }

        var universe = Build(info, volumes, funding, settings);
        logger?.LogInformation("Universe: {Included} symbols included, {Excluded} excluded", universe.Count, universe.Excluded.Count);
        return universe;
    }

    /// <summary>Applies the filters to already-read data (pure).</summary>
    /// <param name="info">exchangeInfo.</param>
    /// <param name="quoteVolumes">Symbol → 24 h quote volume; required when the volume filter or the top-N is on.</param>
    /// <param name="fundingIntervalHours">Symbol → funding interval from fundingInfo (others get 8 h).</param>
    /// <param name="settings">The filters.</param>
    /// <exception cref="UniverseException">The include list names symbols exchangeInfo does not list.</exception>
    public static Universe Build(
        ExchangeInfo info, IReadOnlyDictionary<string, decimal>? quoteVolumes,
        IReadOnlyDictionary<string, int> fundingIntervalHours, UniverseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(fundingIntervalHours);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if ((settings.MinQuoteVolume24h > 0 || settings.Top is not null) && quoteVolumes is null)
            throw new ArgumentException("The volume filter or the top-N is on but no 24 h quote volumes were given.", nameof(quoteVolumes));

        var known = info.Symbols.Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        var include = Normalise(settings.Include);
        var exclude = Normalise(settings.Exclude);
        var unknown = include.Where(s => !known.Contains(s)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
            throw new UniverseException(
                $"The include list names {unknown.Length} symbol(s) that exchangeInfo does not list: {string.Join(", ", unknown)}.",
                unknown);

        var included = new List<UniverseSymbol>();
        var excluded = new List<UniverseExclusion>();
        foreach (var symbol in info.Symbols.DistinctBy(s => s.Symbol))
        {
            decimal? volume = quoteVolumes is not null && quoteVolumes.TryGetValue(symbol.Symbol, out var v) ? v : null;
            if (ReasonToExclude(symbol, volume, include, exclude, settings) is { } reason)
            {
                excluded.Add(new UniverseExclusion(symbol.Symbol, reason));
                continue;
            }

            var hours = fundingIntervalHours.TryGetValue(symbol.Symbol, out var h) ? h : UniverseSettings.DefaultFundingIntervalHours;
            included.Add(new UniverseSymbol(symbol.Symbol, symbol.BaseAsset, symbol.QuoteAsset, symbol.ContractType,
                symbol.TickSize, symbol.StepSize, hours, volume));
        }

        if (settings.Top is { } top && included.Count > top)
        {
            var ranked = included.OrderByDescending(s => s.QuoteVolume24h ?? decimal.MinValue).ThenBy(s => s.Symbol, StringComparer.Ordinal).ToList();
            excluded.AddRange(ranked.Skip(top).Select(s => new UniverseExclusion(s.Symbol, $"not in the top {top} by 24h quote volume")));
            included = ranked.Take(top).ToList();
        }

        return new Universe(
            included.OrderBy(s => s.Symbol, StringComparer.Ordinal).ToArray(),
            excluded.OrderBy(s => s.Symbol, StringComparer.Ordinal).ToArray(),
            info.RequestWeightPerMinute);
    }

    private static string? ReasonToExclude(
        ExchangeSymbol symbol, decimal? volume, HashSet<string> include, HashSet<string> exclude, UniverseSettings settings)
    {
        if (exclude.Contains(symbol.Symbol)) return "in the exclude list";
        if (include.Count > 0 && !include.Contains(symbol.Symbol)) return "not in the include list";
        if (!string.Equals(symbol.Status, settings.Status, StringComparison.OrdinalIgnoreCase))
            return $"status {symbol.Status}, not {settings.Status}";
        if (settings.ContractTypes.Count > 0
            && (symbol.ContractType is null || !settings.ContractTypes.Contains(symbol.ContractType, StringComparer.OrdinalIgnoreCase)))
            return $"contract type {symbol.ContractType ?? "(none)"} not in [{string.Join(", ", settings.ContractTypes)}]";
        if (!string.IsNullOrEmpty(settings.QuoteAsset)
            && !string.Equals(symbol.QuoteAsset, settings.QuoteAsset, StringComparison.OrdinalIgnoreCase))
            return $"quote asset {symbol.QuoteAsset}, not {settings.QuoteAsset}";
        if (settings.MinQuoteVolume24h > 0)
        {
            if (volume is null) return "no 24h ticker row (volume unknown)";
            if (volume < settings.MinQuoteVolume24h)
                return $"24h quote volume {volume.Value.ToString(CultureInfo.InvariantCulture)} below " +
                       settings.MinQuoteVolume24h.ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static HashSet<string> Normalise(EquatableArray<string> symbols) =>
        symbols.Select(s => s.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
}
