using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

/// <summary><c>screener features spec</c>: what a model author reads to know the vector, and what a model manifest pins.</summary>
public sealed class FeaturesSpecCommandSpec
{
    [Fact]
    public async Task Features_spec_json_must_list_every_feature_in_order_with_a_hash_recomputable_from_the_listing()
    {
        var (exitCode, stdout, stderr) = await RunAsync("features", "spec", "--json");

        Assert.True(exitCode == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal("market-v1", root.GetProperty("version").GetString());
        Assert.Equal(66, features.Count);
        Assert.Equal(Enumerable.Range(0, 66), features.Select(f => f.GetProperty("index").GetInt32()));
        Assert.All(features, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("meaning").GetString())));
        Assert.Contains("NaN", root.GetProperty("nanPolicy").GetString());

        // The hash a model pins: SHA-256 over the version and each name|window|unit, first 8 bytes in lower hex.
        var text = new StringBuilder(root.GetProperty("version").GetString());
        foreach (var f in features)
            text.Append('\n').Append(f.GetProperty("name").GetString()).Append('|').Append(f.GetProperty("window").GetString())
                .Append('|').Append(f.GetProperty("unit").GetString());
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
        Assert.Equal(expected, root.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Features_spec_must_print_a_header_and_one_line_per_feature()
    {
        var (exitCode, stdout, _) = await RunAsync("features", "spec");

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("feature spec market-v1, hash ", lines[0]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("0  spread_bps ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("65  tod_cos ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Features_spec_must_refuse_an_unknown_option()
    {
        var (exitCode, _, stderr) = await RunAsync("features", "spec", "--yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("--yaml", stderr);
    }
}
