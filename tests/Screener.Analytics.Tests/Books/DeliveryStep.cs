namespace Screener.Analytics.Tests.Books;

/// <summary>One move of the delivery script: what the socket (or the REST call) does next.</summary>
internal sealed record DeliveryStep(DeliveryStep.Action Kind, int Offset = 0, SnapshotPoint Point = SnapshotPoint.After)
{
    public enum Action
    {
        /// <summary>The next event arrives.</summary>
        Deliver,

        /// <summary>The next event is lost.</summary>
        Skip,

        /// <summary>The next event arrives twice.</summary>
        Duplicate,

        /// <summary>The next two events arrive in swapped order.</summary>
        Swap,

        /// <summary>An event <see cref="Offset"/> back arrives again, late.</summary>
        ReplayOld,

        /// <summary>A REST snapshot arrives, taken around the event <see cref="Offset"/> from the last one sent.</summary>
        Snapshot,
    }

    public override string ToString() => Kind switch
    {
        Action.ReplayOld => $"replay-{Offset}",
        Action.Snapshot => $"snap({Offset:+0;-0;0},{Point})",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
