namespace Screener.Analytics.Models;

/// <summary>A model folder that cannot be used: missing or altered files, another feature spec, heads for unknown profiles.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
