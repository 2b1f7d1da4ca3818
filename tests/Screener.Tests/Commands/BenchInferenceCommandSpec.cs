using System.Text.Json.Nodes;
using static Screener.Tests.Commands.CliProcess;

namespace Screener.Tests.Commands;

/// <summary>
/// The inference benchmark end to end at a small size, as JSON. Only what it measured and on what is asserted; its speed
/// targets belong to the benchmark's own runs, never to a unit test.
/// </summary>
public sealed class BenchInferenceCommandSpec
{
    [Fact]
    public async Task Bench_inference_must_time_every_call_and_tick_of_the_shipped_model_and_say_what_it_timed()
    {
        var (exitCode, stdout, stderr) = await RunAsync("bench", "inference", "--snapshots", "2000", "--warmup", "200", "--symbols", "40", "--rounds", "100", "--json");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(25, json["model"]!["trees"]!.GetValue<int>());
        Assert.Equal(16, json["model"]!["leaves"]!.GetValue<int>());
        Assert.Equal(6, json["model"]!["heads"]!.GetValue<int>());
        Assert.Equal(16_384, json["pool"]!["snapshots"]!.GetValue<int>());
        var snapshot = json["snapshot"]!["latencyMicros"]!;
        Assert.True(snapshot["median"]!.GetValue<double>() > 0 && snapshot["p99"]!.GetValue<double>() >= snapshot["median"]!.GetValue<double>(), stdout);
        Assert.Equal(50, json["snapshot"]!["targetP99Micros"]!.GetValue<double>());
        Assert.Equal(40, json["rankingTick"]!["symbols"]!.GetValue<int>());
        Assert.True(json["rankingTick"]!["boardEntries"]!.GetValue<double>() > 0, stdout);
        Assert.Equal(1000, json["rankingTick"]!["targetP99Micros"]!.GetValue<double>());
    }

    [Fact]
    public async Task Bench_inference_must_refuse_bad_sizes_and_a_missing_model()
    {
        var symbols = await RunAsync("bench", "inference", "--symbols", "0");
        Assert.Equal(2, symbols.ExitCode);
        Assert.Contains("--symbols must be", symbols.Stderr);

        var model = await RunAsync("bench", "inference", "--model", Path.Combine(Path.GetTempPath(), "no-such-model"));
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("no-such-model", model.Stderr);
    }
}
