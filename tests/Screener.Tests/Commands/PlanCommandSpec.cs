using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

public sealed class PlanCommandSpec
{
    [Fact]
    public async Task Plan_must_print_the_same_stable_plan_twice_and_say_why_symbols_are_excluded()
    {
        var first = await RunAsync("plan", "--sim", "--all");
        var second = await RunAsync("plan", "--sim", "--all");

        Assert.True(first.ExitCode == 0, first.Stderr);
        var lines = Lines(first.Stdout);
        Assert.Contains(lines, l => l.StartsWith("s0/public") && l.Contains("/public/ws") && l.Contains("BTCUSDT"));
        Assert.Contains(lines, l => l.StartsWith("s0/market") && l.Contains("/market/ws"));
        Assert.Contains(lines, l => l.StartsWith("excluded") && l.Contains("BTCUSDT_261225") && l.Contains("CURRENT_QUARTER"));
        Assert.Contains(lines, l => l.StartsWith("excluded") && l.Contains("BTCUSDC") && l.Contains("USDC"));
        Assert.Contains(lines, l => l.StartsWith("excluded") && l.Contains("OLDCOINUSDT") && l.Contains("SETTLING"));
        // Ports differ between runs; the plan itself must not.
        Assert.Equal(Strip(lines), Strip(Lines(second.Stdout)));
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static List<string> Strip(List<string> lines) =>
        lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"127\.0\.0\.1:\d+", "host")).ToList();
}
