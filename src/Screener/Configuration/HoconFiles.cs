using Akka.Configuration;

namespace Screener.Configuration;

/// <summary>
/// Loads the layered HOCON of a node from the <c>hocon/</c> folder shipped next to the executable:
/// overrides first, then the environment overlay, then screener.conf, akka.conf, cluster.conf and the
/// persistence file; the first layer that sets a key wins.
/// </summary>
public static class HoconFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "hocon");

    public static Config Load(string environment, string persistence, params string[] overrides)
    {
        var config = ConfigurationFactory.Empty;
        foreach (var text in overrides) config = config.WithFallback(ConfigurationFactory.ParseString(text));
        if (!string.IsNullOrEmpty(environment)) config = config.WithFallback(File($"env/{environment}.conf"));
        foreach (var name in new[] { "screener.conf", "akka.conf", "cluster.conf", $"persistence.{persistence}.conf" })
            config = config.WithFallback(File(name));
        return config;
    }

    private static Config File(string relative)
    {
        var path = Path.Combine(Folder, relative);
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"Configuration file '{path}' is missing.", path);
        return ConfigurationFactory.ParseString(System.IO.File.ReadAllText(path));
    }
}
