using System.Globalization;
using System.Text.RegularExpressions;
using Screener.Contracts.Time;

namespace Screener.Binance.Transport;

/// <summary>
/// Refuses every request while a 418 IP ban is in force: sending during a ban only extends it (bans escalate
/// from 2 minutes to 3 days). It does not budget weight; that is a separate <see cref="IRestRequestGate"/>.
/// </summary>
public sealed partial class BanGuard : IRestRequestGate
{
    private readonly IClock _clock;
    private readonly TimeSpan _defaultBan;
    private long _bannedUntilTicks;

    /// <summary>Creates a guard.</summary>
    /// <param name="clock">Time source for the ban's end.</param>
    /// <param name="defaultBan">Assumed ban length when a 418 says neither Retry-After nor an end time.</param>
    public BanGuard(IClock clock, TimeSpan defaultBan)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _defaultBan = defaultBan;
    }

    /// <summary>End of the current ban in UTC ticks, or null when not banned.</summary>
    public long? BannedUntilTicks
    {
        get
        {
            var until = Interlocked.Read(ref _bannedUntilTicks);
            return until > _clock.UtcNowTicks ? until : null;
        }
    }

    /// <inheritdoc />
    public ValueTask<RestPermit> AcquireAsync(string endpoint, int weight, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (BannedUntilTicks is { } until) throw new BinanceIpBannedException(endpoint, until);
        return ValueTask.FromResult(new RestPermit(endpoint, weight, 0));
    }

    /// <inheritdoc />
    public void OnResponse(RestPermit permit, int statusCode, int? usedWeight1m, TimeSpan? retryAfter, string? message)
    {
        if (statusCode != 418) return;
        Ban(BanEnd(_clock.UtcNowTicks, retryAfter, message, _defaultBan));
    }

    /// <inheritdoc />
    public void OnNoResponse(RestPermit permit)
    {
    }

    /// <summary>Records a ban until <paramref name="untilTicks"/>, keeping the later end if two responses race.</summary>
    internal void Ban(long untilTicks)
    {
        long current;
        do current = Interlocked.Read(ref _bannedUntilTicks);
        while (untilTicks > current && Interlocked.CompareExchange(ref _bannedUntilTicks, untilTicks, current) != current);
    }

    /// <summary>End of a 418 ban: Retry-After, else the "banned until" time in the message when in the future, else the default.</summary>
    internal static long BanEnd(long nowTicks, TimeSpan? retryAfter, string? message, TimeSpan defaultBan) =>
        retryAfter is { } wait && wait > TimeSpan.Zero
            ? nowTicks + wait.Ticks
            : BanEndFrom(message) is { } end && end > nowTicks ? end : nowTicks + defaultBan.Ticks;

    /// <summary>"… IP banned until 1573987680818 …" → UTC ticks.</summary>
    internal static long? BanEndFrom(string? message)
    {
        if (message is null) return null;
        var match = BannedUntil().Match(message);
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and <= Wire.JsonValues.MaxUnixMs
                ? UtcTime.FromUnixMs(ms)
                : null;
    }

    [GeneratedRegex(@"banned until (\d{10,16})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BannedUntil();
}
