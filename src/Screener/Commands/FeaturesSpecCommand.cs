using System.Text.Json;
using Screener.Analytics.Features;

namespace Screener.Commands;

/// <summary>
/// <c>screener features spec [--json]</c>: the declared feature vector every FeatureSnapshot carries — version, hash,
/// NaN policy, and per feature its index, name, window, unit and meaning. <c>--json</c> prints one JSON object.
/// </summary>
public static class FeaturesSpecCommand
{
    public static Task<int> RunAsync(CommandLine cl)
    {
        var json = cl.Flag("json");
        cl.RejectUnknown();
        var spec = MarketFeatures.Spec;
        var output = System.Console.Out;
        if (json)
        {
            var document = new
            {
                version = spec.Version,
                hash = spec.Hash,
                nanPolicy = spec.NanPolicy,
                features = spec.Features.Select((f, i) => new { index = i, name = f.Name, window = f.Window, unit = f.Unit, meaning = f.Meaning }),
            };
            output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return Task.FromResult(0);
        }

        output.WriteLine($"feature spec {spec.Version}, hash {spec.Hash}, {spec.Features.Count} features");
        output.WriteLine($"NaN policy: {spec.NanPolicy}");
        output.WriteLine();
        var nameWidth = spec.Features.Max(f => f.Name.Length);
        var windowWidth = spec.Features.Max(f => f.Window.Length);
        var unitWidth = spec.Features.Max(f => f.Unit.Length);
        for (var i = 0; i < spec.Features.Count; i++)
        {
            var f = spec.Features[i];
            output.WriteLine($"{i,3}  {f.Name.PadRight(nameWidth)}  {f.Window.PadRight(windowWidth)}  {f.Unit.PadRight(unitWidth)}  {f.Meaning}");
        }
        return Task.FromResult(0);
    }
}
