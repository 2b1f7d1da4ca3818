namespace Screener.Commands;

/// <summary>The <c>--config FILE.conf</c> option: a HOCON file whose keys override the shipped defaults.</summary>
public static class ConfigOverrides
{
    /// <summary>The file's text, checked to be HOCON; empty when no file is given.</summary>
    /// <exception cref="UsageException">No such file, or not HOCON.</exception>
    public static string Read(string? file)
    {
        if (file is null) return "";
        if (!File.Exists(file)) throw new UsageException($"--config: no file at '{Path.GetFullPath(file)}'.");
        var text = File.ReadAllText(file);
        try
        {
            Akka.Configuration.ConfigurationFactory.ParseString(text);
        }
        catch (Exception e)
        {
            throw new UsageException($"--config: '{file}' is not HOCON: {e.Message}");
        }
        return text;
    }
}
