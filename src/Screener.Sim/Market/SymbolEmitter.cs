namespace Screener.Sim.Market;

/// <summary>
/// Turns one symbol's step into wire events. State that the stream protocol depends on (aggregate ids,
/// depth pu chaining, last published touch, kline pushes) advances whether or not anyone listens; only
/// the serialisation is skipped for unwanted streams, so subscriptions never change the market.
/// </summary>
internal static class SymbolEmitter
{
    public static void Emit(SymbolSim sim, in StepContext ctx, PayloadWriter writer, Func<string, bool> wanted, List<SimEvent> output, MarkBatch marks)
    {
        var spec = sim.Spec;
        var format = sim.Format;
        var now = ctx.NowMs;

        var aggregates = sim.Tape.Aggregate();
        var aggStream = sim.AggTradeStream;
        if (wanted(aggStream))
            foreach (var trade in aggregates)
                output.Add(new SimEvent(aggStream, writer.AggTrade(spec, format, now, trade)));
        var tradeStream = sim.TradeStream;
        if (wanted(tradeStream))
            foreach (var fill in sim.Tape.Fills)
                output.Add(new SimEvent(tradeStream, writer.Trade(spec, format, now, fill)));

        if (sim.Liquidation is { } liquidation)
            EmitShared(output, wanted, sim.ForceOrderStream, StreamNames.AllForceOrders,
                () => writer.ForceOrder(spec, format, now, liquidation));

        foreach (var cadence in sim.Book.Cadences)
        {
            if (!cadence.IsDue(ctx.PreviousNowMs, now) || !cadence.HasChanges) continue;
            var diff = cadence.Take(sim.Book);
            if (wanted(cadence.Stream)) output.Add(new SimEvent(cadence.Stream, writer.DepthUpdate(spec, format, now, diff)));
        }

        var top = sim.Top;
        if (top != sim.LastTop)
        {
            sim.LastTop = top;
            var book = sim.Book;
            EmitShared(output, wanted, sim.BookTickerStream, StreamNames.AllBookTickers,
                () => writer.BookTicker(spec, format, book.LastUpdateId, top, book.LastChangeMs, now));
        }

        foreach (var series in sim.Klines)
        {
            var pushes = series.TakePushes(ctx.PreviousNowMs, now);
            if (pushes.Count == 0 || !wanted(series.Stream)) continue;
            foreach (var bar in pushes) output.Add(new SimEvent(series.Stream, writer.Kline(spec, format, now, series.Interval, bar)));
        }

        EmitMark(sim, ctx, writer, wanted, output, marks);
    }

    private static void EmitMark(SymbolSim sim, in StepContext ctx, PayloadWriter writer, Func<string, bool> wanted, List<SimEvent> output, MarkBatch marks)
    {
        var oneSecond = ctx.NowMs / 1000 != ctx.PreviousNowMs / 1000;
        var threeSeconds = ctx.NowMs / 3000 != ctx.PreviousNowMs / 3000;
        if (!oneSecond && !threeSeconds) return;
        var stream1s = sim.MarkPrice1sStream;
        var stream3s = sim.MarkPriceStream;
        var want1s = oneSecond && wanted(stream1s);
        var want3s = threeSeconds && wanted(stream3s);
        if (!want1s && !want3s && !(oneSecond && marks.WantsOneSecond) && !(threeSeconds && marks.WantsThreeSeconds)) return;
        var payload = writer.MarkPrice(sim.Spec, ctx.NowMs, sim.Mark);
        if (want1s) output.Add(new SimEvent(stream1s, payload));
        if (want3s) output.Add(new SimEvent(stream3s, payload));
        if (oneSecond && marks.WantsOneSecond) marks.OneSecond.Add(payload);
        if (threeSeconds && marks.WantsThreeSeconds) marks.ThreeSeconds.Add(payload);
    }

    private static void EmitShared(List<SimEvent> output, Func<string, bool> wanted, string stream, string allMarketStream, Func<byte[]> write)
    {
        var wantOne = wanted(stream);
        var wantAll = wanted(allMarketStream);
        if (!wantOne && !wantAll) return;
        var payload = write();
        if (wantOne) output.Add(new SimEvent(stream, payload));
        if (wantAll) output.Add(new SimEvent(allMarketStream, payload));
    }
}
