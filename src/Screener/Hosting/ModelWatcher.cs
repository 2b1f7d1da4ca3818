using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Scoring;
using Screener.Pipeline.Models;

namespace Screener.Hosting;

/// <summary>
/// Watches the model folder and hands a new model to the graph: every <c>watch-every</c> it fingerprints the folder
/// (the manifest's bytes and every file's size and write time); when the fingerprint changes it loads the model with
/// every check <see cref="OnnxPredictor.Load"/> makes and offers it to the <see cref="PredictorHost"/>, which switches at
/// the next tick. A model that fails a check is logged and not used; the running one carries on, and the folder is tried
/// again when it changes. A folder half-way through being copied fails the SHA-256 check and is retried once complete.
/// </summary>
public sealed class ModelWatcher : IAsyncDisposable
{
    private readonly string _folder;
    private readonly PredictorHost _host;
    private readonly FeatureSpec _spec;
    private readonly ScoringSettings _scoring;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _fingerprint;

    public ModelWatcher(string folder, PredictorHost host, FeatureSpec spec, ScoringSettings scoring, TimeSpan every, ILogger log)
    {
        _folder = folder;
        _host = host;
        _spec = spec;
        _scoring = scoring;
        _log = log;
        _fingerprint = Fingerprint(folder);
        _loop = Task.Run(() => LoopAsync(every, _stop.Token));
    }

    /// <summary>Models loaded and offered since start.</summary>
    public int Offered { get; private set; }

    /// <summary>Model folders refused since start.</summary>
    public int Refused { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (_host.Pending is not null) continue;
            var fingerprint = Fingerprint(_folder);
            if (fingerprint == _fingerprint) continue;
            _fingerprint = fingerprint;
            TryLoad();
        }
    }

    private void TryLoad()
    {
        // Called only while no switch is pending, so the host's current model is the one running.
        var running = _host.Current.ModelVersion;
        OnnxPredictor predictor;
        try
        {
            predictor = OnnxPredictor.Load(_folder, _spec, _scoring);
        }
        catch (Exception e) when (e is ModelLoadException or IOException or UnauthorizedAccessException)
        {
            Refused++;
            _log.LogError("Model folder {Folder} changed but its model cannot be used; model {ModelVersion} keeps running: {Reason}", _folder, running, e.Message);
            return;
        }
        if (predictor.ModelVersion == running)
        {
            predictor.Dispose();
            return;
        }
        if (!_host.Offer(predictor))
        {
            predictor.Dispose();
            _fingerprint = "";
            return;
        }
        Offered++;
        _log.LogInformation("Model {ModelVersion} loaded from {Folder}; model {Running} hands over to it at the next tick",
            predictor.ModelVersion, _folder, running);
    }

    private static string Fingerprint(string folder)
    {
        try
        {
            var manifest = Path.Combine(folder, ModelManifestFile.ManifestName);
            var parts = new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}");
            var head = File.Exists(manifest) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(manifest))) : "no-manifest";
            return head + "|" + string.Join("|", parts);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable:" + e.Message;
        }
    }
}
