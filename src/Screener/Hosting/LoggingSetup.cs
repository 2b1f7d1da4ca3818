using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Screener.Hosting;

/// <summary>
/// Serilog for the whole process: structured console output (unless the terminal is busy with the live table),
/// plus a rolling compact-JSON file. Akka logs reach it through Microsoft.Extensions.Logging.
/// </summary>
public static class LoggingSetup
{
    public static Serilog.ILogger Create(bool console, string logFolder, LogEventLevel level = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logFolder, "screener-.clef"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 7, shared: true);
        if (console)
            configuration = configuration.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} [{SourceContext}] {Message:lj}{NewLine}{Exception}");
        return configuration.CreateLogger();
    }
}
