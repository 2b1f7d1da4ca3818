using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// Public (keyless) Binance REST calls: exchangeInfo, depth snapshots, open interest, premium index, funding info and
/// the 24 h ticker. Responses come back gzip-compressed on the wire and as raw bytes to the caller where they are to
/// be journaled.
/// </summary>
/// <remarks>
/// Errors: 4xx/5xx throw <see cref="BinanceApiException"/> with Binance's <c>code</c>/<c>msg</c>. A 429 is retried
/// once after its <c>Retry-After</c> when that is at most <see cref="BinanceRestSettings.MaxRetryAfterWait"/>.
/// Every request passes the <see cref="IRestRequestGate"/> with its weight (<see cref="RestWeights"/>): by default a
/// <see cref="BanGuard"/> that refuses requests during a 418 ban; in a node a <see cref="RestWeightLimiter"/>.
/// Weights are the USDⓈ-M futures ones. Thread-safe.
/// </remarks>
public sealed class BinanceRestClient : IDisposable
{
    private const string UsedWeightHeader = "X-MBX-USED-WEIGHT-1M";

    private readonly BinanceRestSettings _settings;
    private readonly IClock _clock;
    private readonly ILogger? _logger;
    private readonly HttpClient _http;
    private int _lastUsedWeight = -1;

    /// <summary>Creates a client.</summary>
    /// <param name="settings">Base URI, prefix, timeouts.</param>
    /// <param name="clock">Time source for ban bookkeeping.</param>
    /// <param name="logger">Optional; rate-limit waits and errors are logged here.</param>
    /// <param name="handler">Optional HTTP handler (tests, proxies). Default: a pooled handler with gzip/deflate.</param>
    /// <param name="gate">Optional request gate. Default: <see cref="BanGuard"/>.</param>
    public BinanceRestClient(
        BinanceRestSettings settings, IClock clock, ILogger? logger = null,
        HttpMessageHandler? handler = null, IRestRequestGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger;
        Gate = gate ?? new BanGuard(clock, settings.DefaultBanDuration);
        _http = new HttpClient(handler ?? CreateHandler(), disposeHandler: handler is null) { Timeout = settings.RequestTimeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("CryptoScreener-X");
    }

    /// <summary>The request gate every call passes.</summary>
    public IRestRequestGate Gate { get; }

    /// <summary>The last <c>X-MBX-USED-WEIGHT-1M</c> seen, or null before the first response that carried it.</summary>
    public int? LastUsedWeight1m => Volatile.Read(ref _lastUsedWeight) is var w and >= 0 ? w : null;

    /// <summary><c>GET exchangeInfo</c>: every symbol with status, contract type, assets, tick and step size.</summary>
    /// <exception cref="BinanceApiException">Binance answered with an error status.</exception>
    /// <exception cref="BinanceIpBannedException">Refused locally during a 418 ban.</exception>
    public async Task<ExchangeInfo> GetExchangeInfoAsync(CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("/exchangeInfo", "", RestWeights.ExchangeInfo, cancellationToken).ConfigureAwait(false);
        try
        {
            return ExchangeInfoParser.Parse(response.Body);
        }
        catch (JsonException ex)
        {
            throw new BinanceApiException(response.Endpoint, 200, null, $"unreadable exchangeInfo: {ex.Message}", null);
        }
    }

    /// <summary><c>GET depth</c>: the raw snapshot body (<c>lastUpdateId</c>, <c>bids</c>, <c>asks</c>) and the used weight.</summary>
    /// <param name="symbol">Symbol, any case.</param>
    /// <param name="limit">Levels per side; futures accept 5, 10, 20, 50, 100, 500, 1000 (weight 2..20).</param>
    /// <param name="cancellationToken">Cancels the request or a Retry-After wait.</param>
    /// <exception cref="BinanceApiException">Binance answered with an error status.</exception>
    /// <exception cref="BinanceIpBannedException">Refused locally during a 418 ban.</exception>
    public Task<RawRestResponse> GetDepthSnapshotRawAsync(string symbol, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = $"?symbol={Uri.EscapeDataString(symbol.ToUpperInvariant())}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        return GetAsync("/depth", query, RestWeights.Depth(limit), cancellationToken);
    }

    /// <summary><c>GET openInterest</c> (futures): the raw body (<c>symbol</c>, <c>openInterest</c>, <c>time</c>).</summary>
    /// <exception cref="BinanceApiException">Binance answered with an error status.</exception>
    /// <exception cref="BinanceIpBannedException">Refused locally during a 418 ban.</exception>
    public Task<RawRestResponse> GetOpenInterestRawAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return GetAsync("/openInterest", $"?symbol={Uri.EscapeDataString(symbol.ToUpperInvariant())}", RestWeights.OpenInterest,
            cancellationToken);
    }

    /// <summary>
    /// <c>GET premiumIndex</c> (futures): mark price, index price, funding rate and next funding time. Without a symbol
    /// the body is an array of every symbol (weight 10), with one an object (weight 1).
    /// </summary>
    /// <exception cref="BinanceApiException">Binance answered with an error status.</exception>
    /// <exception cref="BinanceIpBannedException">Refused locally during a 418 ban.</exception>
    public Task<RawRestResponse> GetPremiumIndexRawAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(symbol)
            ? GetAsync("/premiumIndex", "", RestWeights.PremiumIndex(oneSymbol: false), cancellationToken)
            : GetAsync("/premiumIndex", $"?symbol={Uri.EscapeDataString(symbol.ToUpperInvariant())}", RestWeights.PremiumIndex(oneSymbol: true),
                cancellationToken);

    /// <summary>
    /// <c>GET fundingInfo</c> (futures): an array of the symbols whose funding cap, floor or interval was adjusted
    /// (<c>fundingIntervalHours</c>; others fund every 8 h). Includes COIN-M rows. No weight header.
    /// </summary>
    /// <exception cref="BinanceApiException">Binance answered with an error status.</exception>
    /// <exception cref="BinanceIpBannedException">Refused locally during a 418 ban.</exception>
    public Task<RawRestResponse> GetFundingInfoRawAsync(CancellationToken cancellationToken = default) =>
        GetAsync("/fundingInfo", "", RestWeights.FundingInfo, cancellationToken);

    /// <summary><c>GET ticker/24hr</c> for every symbol (weight 40): rolling 24 h statistics of the TRADING contracts.</summary>
    /// <exception cref="BinanceApiException">Binance answered with an error status.</exception>
    /// <exception cref="BinanceIpBannedException">Refused locally during a 418 ban.</exception>
    public Task<RawRestResponse> GetTicker24hRawAsync(CancellationToken cancellationToken = default) =>
        GetAsync("/ticker/24hr", "", RestWeights.Ticker24h(oneSymbol: false), cancellationToken);

    /// <summary>Futures depth weight by limit (≤50: 2, ≤100: 5, ≤500: 10, else 20).</summary>
    public static int DepthWeight(int limit) => RestWeights.Depth(limit);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<RawRestResponse> GetAsync(string path, string query, int weight, CancellationToken cancellationToken)
    {
        var endpoint = _settings.ApiPrefix.TrimEnd('/') + path;
        // Built by hand rather than via BaseAddress so a base with a path (a proxy, the simulator) keeps it.
        var uri = new Uri(_settings.BaseUri.AbsoluteUri.TrimEnd('/') + endpoint + query);
        for (var attempt = 0; ; attempt++)
        {
            var permit = await Gate.AcquireAsync(endpoint, weight, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage? response = null;
            byte[] body;
            try
            {
                response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response?.Dispose();
                Gate.OnNoResponse(permit);
                throw;
            }

            using var disposing = response;
            var status = (int)response.StatusCode;
            var used = UsedWeightOf(response);
            if (used is { } u) Volatile.Write(ref _lastUsedWeight, u);
            var retryAfter = RetryAfterOf(response);
            var error = response.IsSuccessStatusCode ? default : BinanceErrorBody.Parse(body);
            Gate.OnResponse(permit, status, used, retryAfter, error.Message);

            if (response.IsSuccessStatusCode) return new RawRestResponse(endpoint, body, used);

            var wait = retryAfter ?? _settings.DefaultRetryAfter;
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt == 0 && wait <= _settings.MaxRetryAfterWait)
            {
                _logger?.LogWarning("Binance {Endpoint} rate limited (429, code {Code}); retrying once in {Wait} s",
                    endpoint, error.Code, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var exception = new BinanceApiException(endpoint, status, error.Code, error.Message, retryAfter);
            _logger?.LogError("{Message}", exception.Message);
            throw exception;
        }
    }

    private static int? UsedWeightOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(UsedWeightHeader, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight)
            ? weight
            : null;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date.UtcTicks - _clock.UtcNowTicks;
            return TimeSpan.FromTicks(Math.Max(0, wait));
        }

        return null;
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        // exchangeInfo is ~1.15 MB raw and ~51 KB gzipped.
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
