namespace Screener.Binance.Transport;

/// <summary>A Binance REST call answered with an error status; carries Binance's own <c>code</c> and <c>msg</c>.</summary>
public sealed class BinanceApiException : Exception
{
    /// <summary>Creates the exception for a failed call to <paramref name="endpoint"/>.</summary>
    public BinanceApiException(string endpoint, int statusCode, int? code, string? binanceMessage, TimeSpan? retryAfter)
        : base($"Binance {endpoint} answered {statusCode}" +
               (code is null ? "" : $" code {code}") +
               (binanceMessage is null ? "" : $": {binanceMessage}") +
               (retryAfter is null ? "" : $" (retry after {retryAfter.Value.TotalSeconds:0.#} s)"))
    {
        Endpoint = endpoint;
        StatusCode = statusCode;
        Code = code;
        BinanceMessage = binanceMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>Endpoint path, for example <c>/fapi/v1/depth</c>.</summary>
    public string Endpoint { get; }

    /// <summary>HTTP status: 400 bad parameter, 403 WAF, 418 banned, 429 rate limited, 5xx Binance side.</summary>
    public int StatusCode { get; }

    /// <summary>Binance error code (<c>-1121</c> invalid symbol, <c>-1003</c> too much weight…), when the body had one.</summary>
    public int? Code { get; }

    /// <summary>Binance's <c>msg</c>, or the start of a non-JSON body.</summary>
    public string? BinanceMessage { get; }

    /// <summary><c>Retry-After</c> sent with a 429 or 418.</summary>
    public TimeSpan? RetryAfter { get; }
}
