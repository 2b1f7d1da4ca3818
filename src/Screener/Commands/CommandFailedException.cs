namespace Screener.Commands;

/// <summary>The command line was right but the work could not be done (for example an empty journal): printed without usage or stack trace, exit code 1.</summary>
public sealed class CommandFailedException(string message, Exception? inner = null) : Exception(message, inner);
