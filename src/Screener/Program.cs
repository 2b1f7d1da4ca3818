using System.Runtime.InteropServices;
using Akka.Configuration;
using Screener.Commands;

namespace Screener;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, cts));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, cts));
        try
        {
            var cl = CommandLine.Parse(args);
            return cl.Words switch
            {
                ["demo"] => await DemoCommand.RunAsync(cl, cts.Token),
                ["sim"] => await SimCommand.RunAsync(cl, cts.Token),
                ["record"] => await RecordCommand.RunAsync(cl, cts.Token),
                ["journal", "stats"] => await JournalStatsCommand.RunAsync(cl, cts.Token),
                ["parse", _] => await ParseCommand.RunAsync(cl, cts.Token),
                ["book"] => await BookCommand.RunAsync(cl, cts.Token),
                ["plan"] => await PlanCommand.RunAsync(cl, cts.Token),
                ["features", "spec"] => await FeaturesSpecCommand.RunAsync(cl),
                ["features", "build"] => await FeaturesBuildCommand.RunAsync(cl, cts.Token),
                ["train"] => await TrainCommand.RunAsync(cl, cts.Token),
                ["validate"] => await ValidateCommand.RunAsync(cl, cts.Token),
                ["backtest"] => await BacktestCommand.RunAsync(cl, cts.Token),
                ["bench", "ingest"] => await BenchIngestCommand.RunAsync(cl, cts.Token),
                ["bench", "inference"] => await BenchInferenceCommand.RunAsync(cl),
                [] or ["help"] => Help(),
                _ => throw new UsageException($"Unknown command '{string.Join(' ', cl.Words)}'."),
            };
        }
        catch (UsageException e)
        {
            await System.Console.Error.WriteLineAsync($"error: {e.Message}\n\n{Usage.Text}");
            return 2;
        }
        catch (CommandFailedException e)
        {
            await System.Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is ArgumentException or ConfigurationException or FileNotFoundException)
        {
            await System.Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (Exception e)
        {
            await System.Console.Error.WriteLineAsync($"failed: {e}");
            return 1;
        }
    }

    /// <summary>The first signal asks the command to stop cleanly (drain into the journal); a second one exits at once.</summary>
    private static void Stop(PosixSignalContext context, CancellationTokenSource cts)
    {
        if (cts.IsCancellationRequested) return;
        context.Cancel = true;
        System.Console.Error.WriteLine($"{context.Signal}: stopping, flushing the journal (again to exit at once)...");
        cts.Cancel();
    }

    private static int Help()
    {
        System.Console.WriteLine(Usage.Text);
        return 0;
    }
}
