using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Screener.Commands;

namespace Screener.Bench;

/// <summary>
/// The blasting exchange as a child process (<c>screener sim --blast N --until-stdin-closes</c>), so that the process
/// under measurement holds nothing but the consumer. It is this executable again (run through <c>dotnet</c> when the
/// executable is a dll). Its standard input is the lifeline: closing it, or the parent dying, stops the child.
/// </summary>
public sealed class BlasterProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly Queue<string> _errors = new();
    private readonly TaskCompletionSource<(Uri Ws, Uri RestBase, int Frames)> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _header = [];
    private string? _stoppedLine;

    private BlasterProcess(Process process) => _process = process;

    /// <summary>WebSocket base of the blasting exchange.</summary>
    public Uri WebSocketBase { get; private set; } = null!;

    /// <summary>REST base of the blasting exchange.</summary>
    public Uri RestBase { get; private set; } = null!;

    /// <summary>Frames on the tape.</summary>
    public int TapeFrames { get; private set; }

    /// <summary>The child's description of its tape (printed before it became ready).</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The child's last line ("stopped; N frames sent."), once it stopped cleanly.</summary>
    public string? StoppedLine => Volatile.Read(ref _stoppedLine);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the child and waits until its tape is built and it listens.</summary>
    /// <exception cref="BenchException">The child could not start, exited, or did not become ready in time.</exception>
    public static async Task<BlasterProcess> StartAsync(int symbols, int frames, int seed, TimeSpan readyTimeout, CancellationToken ct)
    {
        var start = SelfStartInfo(
            "sim", "--blast", Text(frames), "--symbols", Text(symbols), "--seed", Text(seed), "--port", "0", "--until-stdin-closes");
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var blaster = new BlasterProcess(process);
        process.OutputDataReceived += (_, e) => blaster.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => blaster.OnError(e.Data);
        if (!process.Start()) throw new BenchException($"could not start the blaster: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var exited = process.WaitForExitAsync(ct);
            var ready = blaster._ready.Task;
            if (await Task.WhenAny(ready, exited, Task.Delay(readyTimeout, ct)) != ready)
            {
                ct.ThrowIfCancellationRequested();
                throw process.HasExited
                    ? new BenchException($"the blaster exited with code {process.ExitCode} before it was ready{blaster.ErrorTail()}")
                    : new BenchException($"the blaster was not ready within {readyTimeout.TotalSeconds:F0} s{blaster.ErrorTail()}");
            }

            (blaster.WebSocketBase, blaster.RestBase, blaster.TapeFrames) = await ready;
            return blaster;
        }
        catch
        {
            await blaster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws when the child has died; the bench checks between progress reports.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited)
            throw new BenchException($"the blaster exited with code {_process.ExitCode} during the run{ErrorTail()}");
    }

    /// <summary>Closes the child's input (its signal to stop) and waits for it; kills it when it does not stop.</summary>
    /// <returns>The child's exit code, or null when it had to be killed.</returns>
    public async Task<int?> StopAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The pipe is already gone: the child is exiting anyway.
            }

            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                return null;
            }
        }

        // WaitForExitAsync also waits for the redirected streams to reach their end.
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>How to run this executable again: its apphost directly, otherwise <c>dotnet screener.dll</c>.</summary>
    internal static ProcessStartInfo SelfStartInfo(params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new BenchException("cannot tell which executable is running.");
        ProcessStartInfo start;
        if (Path.GetFileNameWithoutExtension(host) == "screener")
        {
            start = new ProcessStartInfo(host);
        }
        else
        {
            var entry = Assembly.GetEntryAssembly()?.Location;
            var dll = entry is not null && Path.GetFileName(entry) == "screener.dll" ? entry : Path.Combine(AppContext.BaseDirectory, "screener.dll");
            start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet") { ArgumentList = { dll } };
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.UseShellExecute = false;
        return start;
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        if (line.StartsWith(SimCommand.ReadyPrefix, StringComparison.Ordinal))
        {
            var parts = line[SimCommand.ReadyPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && Uri.TryCreate(parts[0], UriKind.Absolute, out var ws) && Uri.TryCreate(parts[1], UriKind.Absolute, out var rest)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var frames))
                _ready.TrySetResult((ws, rest, frames));
            else
                _ready.TrySetException(new BenchException($"the blaster printed an unreadable ready line: '{line}'"));
            return;
        }

        if (line.StartsWith("stopped;", StringComparison.Ordinal)) Volatile.Write(ref _stoppedLine, line);
        else if (!_ready.Task.IsCompleted) lock (_header) _header.Add(line);
    }

    private void OnError(string? line)
    {
        if (line is null) return;
        lock (_errors)
        {
            _errors.Enqueue(line);
            if (_errors.Count > KeptErrorLines) _errors.Dequeue();
        }
    }

    private string ErrorTail()
    {
        lock (_errors) return _errors.Count == 0 ? "." : ":\n  " + string.Join("\n  ", _errors);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
