namespace Screener.Contracts;

/// <summary>The predictions journal's event: every symbol's latest prediction at one rank time.</summary>
public sealed record PredictionBatch(long Time, EquatableArray<PredictionSnapshot> Predictions) : IScreenerMessage
{
    /// <summary>Short form for logs.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Time = {Time}, Predictions = {Predictions.Count}");
        return true;
    }
}
