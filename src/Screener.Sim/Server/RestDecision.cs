namespace Screener.Sim.Server;

/// <summary>The REST gate's answer for one request.</summary>
/// <param name="Verdict">Serve, 429 or 418.</param>
/// <param name="UsedWeight">The IP's used weight in the current window after this request (the header value).</param>
/// <param name="RetryAfterSeconds">For 429/418: whole seconds to wait (<c>Retry-After</c>).</param>
/// <param name="BannedUntilMs">For 418: end of the ban (Unix ms, exchange clock).</param>
/// <param name="ByFault">Whether a fault (429 storm, 418 ban) rather than the client's own traffic caused the refusal.</param>
/// <param name="BeforeRetryAfter">Whether the request came before the <c>Retry-After</c> of the IP's last 429 had passed.</param>
internal readonly record struct RestDecision(
    RestVerdict Verdict, int UsedWeight, long RetryAfterSeconds = 0, long BannedUntilMs = 0, bool ByFault = false, bool BeforeRetryAfter = false);
