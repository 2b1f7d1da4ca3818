using FsCheck;
using FsCheck.Fluent;

namespace Screener.Analytics.Tests.Books;

/// <summary>
/// One generated run: a starting book, the true event chain (id gap before each event, its id span, its level
/// changes) and the delivery script that injects chain breaks into it.
/// </summary>
internal sealed record DepthStreamCase(
    DepthStreamCase.Change[] InitialBook, (int Gap, int Span, DepthStreamCase.Change[] Changes)[] Events, DeliveryStep[] Script)
{
    /// <summary>A level change on a five-tick grid; quantity 0 deletes.</summary>
    public sealed record Change(bool Bid, int Tick, int Quantity);

    public static Arbitrary<DepthStreamCase> Arbitrary() => Arb.From(Generator);

    private static Gen<Change> ChangeGen(int minQuantity) =>
        from bid in Gen.Elements(true, false)
        from tick in Gen.Choose(0, 4)
        from quantity in Gen.Choose(minQuantity, 3)
        select new Change(bid, tick, quantity);

    private static readonly Gen<(int, int, Change[])> EventGen =
        from gap in Gen.Choose(1, 5)
        from span in Gen.Choose(0, 4)
        from count in Gen.Choose(1, 4)
        from changes in Gen.ArrayOf(ChangeGen(0), count)
        select (gap, span, changes);

    private static readonly Gen<DeliveryStep> StepGen = Gen.Frequency(
        (60, Gen.Constant(new DeliveryStep(DeliveryStep.Action.Deliver))),
        (8, Gen.Constant(new DeliveryStep(DeliveryStep.Action.Skip))),
        (8, Gen.Constant(new DeliveryStep(DeliveryStep.Action.Duplicate))),
        (8, Gen.Constant(new DeliveryStep(DeliveryStep.Action.Swap))),
        (6, Gen.Choose(1, 3).Select(back => new DeliveryStep(DeliveryStep.Action.ReplayOld, back))),
        (12, from offset in Gen.Choose(-2, 2)
             from point in Gen.Elements(SnapshotPoint.After, SnapshotPoint.Inside, SnapshotPoint.Before)
             select new DeliveryStep(DeliveryStep.Action.Snapshot, offset, point)));

    private static readonly Gen<DepthStreamCase> Generator =
        from count in Gen.Choose(3, 30)
        from initial in Gen.ArrayOf(ChangeGen(1), 6)
        from events in Gen.ArrayOf(EventGen, count)
        from script in Gen.ArrayOf(StepGen, count * 2)
        select new DepthStreamCase(initial, events, script);

    public override string ToString() =>
        $"events: {string.Join(" ", Events.Select(e => $"[+{e.Gap}..{e.Span}: {string.Join(",", e.Changes.Select(c => $"{(c.Bid ? 'b' : 'a')}{c.Tick}={c.Quantity}"))}]"))}\n" +
        $"script: {string.Join(" ", Script.Select(s => s.ToString()))}";
}
