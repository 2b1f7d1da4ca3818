using System.Globalization;

namespace Screener.Offline.Train;

/// <summary>One (profile, horizon) the models are trained for: a classifier on in play and a regressor on net edge.</summary>
/// <param name="Profile">The execution profile's name.</param>
/// <param name="Horizon">The label horizon.</param>
public sealed record TrainingHead(string Profile, TimeSpan Horizon)
{
    /// <summary>The head's name in models and outputs, for example <c>taker_30s</c>.</summary>
    public string Name => Profile + "_" + ((long)Horizon.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
