using System.Security.Cryptography;
using System.Text;

namespace Screener.Analytics.Features;

/// <summary>
/// The declared, ordered list of features a FeatureSnapshot carries, with a stable hash over the version, names,
/// windows and units. A model records the hash it was trained on; a different hash is a different feature vector.
/// </summary>
public sealed record FeatureSpec(string Version, IReadOnlyList<FeatureDefinition> Features, string NanPolicy)
{
    /// <summary>Computed from the members on every read, so a copy made with <c>with</c> never carries a stale hash.</summary>
    public string Hash => ComputeHash(Version, Features);

    /// <summary>The index of the feature named <paramref name="name"/>, or false when the spec has none.</summary>
    public bool TryIndexOf(string name, out int index)
    {
        for (index = 0; index < Features.Count; index++)
            if (Features[index].Name == name) return true;
        index = -1;
        return false;
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Features.Count; i++)
            if (Features[i].Name == name) return i;
        throw new ArgumentException($"Feature '{name}' is not in spec {Version}.", nameof(name));
    }

    private static string ComputeHash(string version, IReadOnlyList<FeatureDefinition> features)
    {
        var text = new StringBuilder(version);
        foreach (var f in features) text.Append('\n').Append(f.Name).Append('|').Append(f.Window).Append('|').Append(f.Unit);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest, 0, 8);
    }
}
