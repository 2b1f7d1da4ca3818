namespace Screener.Commands;

/// <summary>The command line was wrong: printed with usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
