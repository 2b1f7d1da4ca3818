using System.Globalization;
using System.Text.RegularExpressions;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

/// <summary>
/// The ingest benchmark end to end on a small tape: a real child blaster, the real connector and the ingest graph.
/// Only the verification figures are asserted; speed targets belong to the benchmark's own runs, never to a unit test.
/// </summary>
public sealed class BenchIngestCommandSpec
{
    [Fact]
    public async Task Bench_ingest_must_receive_decode_and_book_every_tape_message_without_a_gap()
    {
        var (exitCode, stdout, stderr) = await RunAsync("bench", "ingest", "--symbols", "6", "--messages", "20000", "--seed", "7");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal((20_000L, 20_000L), Pair(stdout, "tape messages processed"));
        Assert.Equal((0L, 0L), Pair(stdout, "decoded: unknown/malformed"));
        Assert.Equal((6L, 6L), Pair(stdout, "books synced"));
        Assert.Equal(0L, Single(stdout, "gaps"));
        Assert.Equal(0L, Single(stdout, "disconnects"));
        Assert.Equal((0L, 0L), Pair(stdout, "diffs ignored/waiting"));
        Assert.True(Single(stdout, "book diffs applied") > 1_000, stdout);
        // The default warm-up is two fifths of the tape; the window measures the rest.
        Assert.Equal(12_000L, Single(stdout, "messages"));
        Assert.Contains("checks passed", stdout);
        // The child was asked to stop and said how much it sent: the tape plus the control replies.
        Assert.Matches(@"blaster\s+stopped; \d+ frames sent\.", stdout);
    }

    [Fact]
    public async Task Bench_ingest_must_refuse_a_connection_count_below_two()
    {
        var (exitCode, _, stderr) = await RunAsync("bench", "ingest", "--connections", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("--connections must be at least 2", stderr);
    }

    [Theory]
    [InlineData("raw", "a bare ClientWebSocket receive loop per connection")]
    [InlineData("websocket-client", "a Websocket.Client WebsocketClient per connection")]
    public async Task Socket_floor_must_read_every_tape_frame_with_the_named_client(string client, string described)
    {
        var (exitCode, stdout, stderr) = await RunAsync("bench", "ingest", "--socket-floor", client, "--symbols", "6", "--messages", "20000", "--seed", "7");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains(described, stdout);
        Assert.Equal((20_000L, 20_000L), Pair(stdout, "tape frames received"));
        Assert.Equal(12_000L, Single(stdout, "messages"));
        Assert.Matches(@"process CPU / message\s+\d+\.\d{3} µs", stdout);
    }

    [Fact]
    public async Task Socket_floor_must_refuse_an_unknown_client_and_a_channel_capacity()
    {
        var (unknownExit, _, unknownError) = await RunAsync("bench", "ingest", "--socket-floor", "curl");
        var (capacityExit, _, capacityError) = await RunAsync("bench", "ingest", "--socket-floor", "--channel-capacity", "64");

        Assert.Equal(2, unknownExit);
        Assert.Contains("--socket-floor takes raw or websocket-client, not 'curl'", unknownError);
        Assert.Equal(2, capacityExit);
        Assert.Contains("--channel-capacity has no meaning with --socket-floor", capacityError);
    }

    private static long Single(string table, string row) =>
        long.Parse(Row(table, row, @"([\d,]+)").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);

    private static (long, long) Pair(string table, string row)
    {
        var match = Row(table, row, @"([\d,]+) / ([\d,]+)");
        return (long.Parse(match.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture),
            long.Parse(match.Groups[2].Value.Replace(",", ""), CultureInfo.InvariantCulture));
    }

    private static Match Row(string table, string row, string value)
    {
        var match = Regex.Match(table, @"^\s+" + Regex.Escape(row) + @"\s+" + value, RegexOptions.Multiline);
        Assert.True(match.Success, $"no row '{row}' in:\n{table}");
        return match;
    }
}
