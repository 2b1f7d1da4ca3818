using System.Diagnostics;
using System.Text.RegularExpressions;
using Screener.Storage.Journal;
using Xunit.Abstractions;

namespace Screener.Tests.EndToEnd;

/// <summary>
/// A real process: a stop signal must stop the connections and drain every received frame into the journal. The spec
/// sends SIGTERM, which Ctrl+C's SIGINT shares its handler with: a process started in the background by a
/// non-interactive shell (as a CI runner may start the tests) inherits SIGINT ignored, and .NET keeps it so.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed partial class GracefulStopSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_process_must_journal_every_frame_it_received_when_told_to_stop()
    {
        var db = JournalFixture.TempDb("interrupted.db");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "screener.dll"), "demo", "--db", db, "--plain"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(db)!,
        };
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } l) lock (lines) lines.Add(l); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (lines) lines.Add(l); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Contains(lines, "events="))
            {
                Assert.False(process.HasExited, $"the demo exited early: {string.Join('\n', lines)}");
                Assert.True(DateTime.UtcNow < deadline, "the demo printed no status within 60 s");
                await Task.Delay(200);
            }

            Assert.Equal(0, Kill(process.Id, 15));
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                lock (lines) Assert.Fail($"the demo did not stop within 120 s of SIGTERM; its last lines:\n{string.Join('\n', lines.TakeLast(10))}");
            }
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        lock (lines) output.WriteLine(string.Join('\n', lines.TakeLast(5)));
        Assert.Equal(0, process.ExitCode);
        string stopped;
        lock (lines) stopped = lines.Single(l => l.StartsWith("demo stopped", StringComparison.Ordinal));
        var frames = long.Parse(FramesPattern().Match(stopped).Groups[1].Value);
        var stats = await JournalFixture.ReadAsync(db, r => r.StatsAsync());
        Assert.Equal(frames, stats.Single(s => s.PersistenceId == JournalSinks.RawId("s0")).Frames);
        Assert.True(frames > 500, $"expected a few seconds of frames, got {frames}");
    }

    private static bool Contains(List<string> lines, string text)
    {
        lock (lines) return lines.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"\bframes (\d+)\b")]
    private static partial Regex FramesPattern();
}
