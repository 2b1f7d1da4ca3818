using System.Text.Json.Nodes;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Contracts;
using Screener.Hosting;
using Screener.Sim.Server;
using Screener.Storage.Journal;

namespace Screener.Tests.EndToEnd;

/// <summary>A node against the simulated exchange: the model it loads, the one it refuses, and a model swapped in while it runs.</summary>
[Collection(NodeCollection.Name)]
public sealed class ModelSwapSpec
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "models");

    [Fact]
    public async Task Node_must_refuse_to_start_on_a_model_of_another_feature_spec_naming_both_hashes()
    {
        var folder = CopyOfShipped();
        Rewrite(folder, m => m["featureSpec"]!["hash"] = "00000000deadbeef");
        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = 5, SymbolCount = 3 });

        var e = await Assert.ThrowsAsync<ModelLoadException>(() => ScreenerNode.StartAsync(Options(sim, folder), CancellationToken.None));

        Assert.Contains("00000000deadbeef", e.Message);
        Assert.Contains(MarketFeatures.Spec.Hash, e.Message);
    }

    [Fact]
    public async Task Node_must_swap_in_a_new_manifest_between_ticks_without_stopping_and_journal_the_switch()
    {
        var folder = CopyOfShipped();
        var db = JournalFixture.TempDb("swap.db");
        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = 5, SymbolCount = 4 });
        var node = await ScreenerNode.StartAsync(Options(sim, folder, db), CancellationToken.None);
        string before, after;
        try
        {
            before = node.Models.Current.ModelVersion;
            await Until(() => node.View.Rounds >= 3, "three rank rounds on the first model");
            // A new model folder content: the same files under a new identity, as a retrained model would arrive.
            after = Rewrite(folder, m =>
            {
                m["semver"] = "0.2.0";
                m["modelVersion"] = "0.2.0+" + m["modelVersion"]!.GetValue<string>().Split('+')[1];
            });
            await Until(() => node.Models.Current.ModelVersion == after && node.Models.Pending is null, "the new model to take over");
            var rounds = node.View.Rounds;
            await Until(() => node.View.Rounds >= rounds + 3, "three rank rounds on the new model");
            Assert.False(node.Completion.IsCompleted, "the graph must keep running through the swap");
        }
        finally
        {
            await node.DisposeAsync();
        }

        var (switches, batches) = await JournalFixture.ReadAsync(db, async reader => (
            await reader.ReadAllAsync<ModelSwitch>(JournalSinks.ModelsId),
            await reader.ReadAllAsync<PredictionBatch>(JournalSinks.PredictionsId)));
        var swap = Assert.Single(switches);
        Assert.Equal((before, after), (swap.FromVersion, swap.ToVersion));
        var predictions = batches.SelectMany(b => b.Predictions).ToList();
        Assert.All(predictions, p => Assert.Equal(p.Time < swap.Time ? before : after, p.ModelVersion));
        Assert.Contains(predictions, p => p.ModelVersion == before);
        Assert.Contains(predictions, p => p.ModelVersion == after);
    }

    [Fact]
    public async Task Node_must_keep_its_model_when_a_new_manifest_fails_its_checks()
    {
        var folder = CopyOfShipped();
        await using var sim = await SimExchange.StartAsync(new SimSettings { Seed = 5, SymbolCount = 3 });
        await using var node = await ScreenerNode.StartAsync(Options(sim, folder), CancellationToken.None);
        var before = node.Models.Current.ModelVersion;
        await Until(() => node.View.Rounds >= 2, "two rank rounds");

        Rewrite(folder, m => m["model"]!["sha256"] = new string('0', 64));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(before, node.Models.Current.ModelVersion);
        Assert.Null(node.Models.Pending);
        var rounds = node.View.Rounds;
        await Until(() => node.View.Rounds > rounds, "ranking to go on");
    }

    private static NodeOptions Options(SimExchange sim, string folder, string? db = null) =>
        new(db ?? JournalFixture.TempDb("model.db"), sim.WebSocketBase, sim.RestBase, sim.Symbols, ConsoleLogs: false,
            Overrides: [$"screener.model.path = \"{folder}\"", "screener.model.watch-every = 200ms"]);

    private static string CopyOfShipped()
    {
        var folder = Path.Combine(Path.GetTempPath(), "screener-swap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Shipped)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Edits the folder's manifest in place (written whole, then moved over the old one); returns its model version.</summary>
    private static string Rewrite(string folder, Action<JsonNode> edit)
    {
        var path = Path.Combine(folder, ModelManifestFile.ManifestName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path + ".tmp", json.ToJsonString());
        File.Move(path + ".tmp", path, overwrite: true);
        return json["modelVersion"]!.GetValue<string>();
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
