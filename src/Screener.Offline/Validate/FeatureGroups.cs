using Screener.Analytics.Features;

namespace Screener.Offline.Validate;

/// <summary>The feature spec's features in named groups, for ablations: each feature is in exactly one group.</summary>
public static class FeatureGroups
{
    private static readonly (string Group, Func<string, bool> Member)[] Rules =
    [
        ("context", n => n.StartsWith("btc_", StringComparison.Ordinal) || n.StartsWith("eth_", StringComparison.Ordinal)
                         || n.StartsWith("beta_", StringComparison.Ordinal) || n.StartsWith("corr_", StringComparison.Ordinal)
                         || n.StartsWith("breadth", StringComparison.Ordinal) || n == "vol_regime_pct"),
        ("time of day", n => n.StartsWith("tod_", StringComparison.Ordinal)),
        ("book", n => n.StartsWith("spread", StringComparison.Ordinal) || n.StartsWith("microprice", StringComparison.Ordinal)
                      || n.StartsWith("depth_", StringComparison.Ordinal)),
        ("returns and volatility", n => n.StartsWith("return_", StringComparison.Ordinal) || n.StartsWith("realized_vol", StringComparison.Ordinal)),
        ("order flow", n => n.StartsWith("ofi_", StringComparison.Ordinal) || n.StartsWith("trade_imbalance", StringComparison.Ordinal)
                            || n.StartsWith("vwap_dev", StringComparison.Ordinal)),
        ("activity", n => n.StartsWith("trade_rate", StringComparison.Ordinal) || n.StartsWith("large_trade", StringComparison.Ordinal)),
        ("impact and toxicity", n => n.StartsWith("kyle_", StringComparison.Ordinal) || n.StartsWith("vpin", StringComparison.Ordinal)),
        ("liquidations", n => n.StartsWith("liq_", StringComparison.Ordinal)),
        ("derivatives", n => n.StartsWith("funding", StringComparison.Ordinal) || n.StartsWith("time_to_funding", StringComparison.Ordinal)
                             || n.StartsWith("mark_index", StringComparison.Ordinal) || n.StartsWith("oi_", StringComparison.Ordinal)),
    ];

    /// <summary>Group name to the indices of its features, in rule order; features no rule claims form the group "other".</summary>
    public static IReadOnlyList<(string Group, int[] Features)> Of(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var groups = Rules.Select(r => (r.Group, Members: new List<int>())).ToList();
        var other = new List<int>();
        for (var i = 0; i < spec.Features.Count; i++)
        {
            var name = spec.Features[i].Name;
            var rule = Array.FindIndex(Rules, r => r.Member(name));
            (rule >= 0 ? groups[rule].Members : other).Add(i);
        }
        if (other.Count > 0) groups.Add(("other", other));
        return [.. groups.Where(g => g.Members.Count > 0).Select(g => (g.Group, g.Members.ToArray()))];
    }
}
