using Screener.Analytics.Books;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Benchmarks;

/// <summary>
/// Benchmark input for the feature engine: one symbol's seeded synthetic futures market around 100.000 on a 0.001
/// price tick. The best bid walks a tick at a time with a one- or two-tick spread; trades hit the bid or lift the
/// ask with log-normal sizes (so some clear the large-trade threshold); mark prices carry index and funding; open
/// interest drifts; liquidations are rare. Event times fall inside the current 250 ms interval, and
/// <see cref="NextTick"/> moves it on.
/// </summary>
internal sealed class FeatureMarket(int seed)
{
    public static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(250);

    /// <summary>A typical interval's events, out of 10,000: 53.4 % book tops, 45 % trades, the rest as below.</summary>
    private const int BookTopShare = 5_340, TradeShare = 4_500, MarkShare = 125, OpenInterestShare = 25;

    public const string Symbol = "BENCHUSDT";

    private const decimal PriceTick = 0.001m;

    /// <summary>Exchange to local receipt, 2 ms.</summary>
    private const long Latency = 20_000;

    private static readonly long Start = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc).Ticks;

    private readonly Random _random = new(seed);
    private long _time = Start;
    private long _bid = 99_999;
    private long _spread = 1;
    private long _sequence;
    private long _id;
    private double _openInterest = 1_250_000;

    /// <summary>The end of the current interval: the time the next tick closes.</summary>
    public long TickTime => _time + Cadence.Ticks;

    /// <summary>The interval's market context, as the clock-and-context stage would compute it.</summary>
    public MarketContext Context() => new(
        TickTime, Normal() * 1.5, 18 + _random.NextDouble() * 6, 0.35 + _random.NextDouble() * 0.3, 200,
        Normal() * 8, Normal() * 1.8, Normal() * 9, 22 + _random.NextDouble() * 6, _random.NextDouble());

    public void NextTick() => _time += Cadence.Ticks;

    /// <summary>One event drawn from the typical mix.</summary>
    public MarketEvent NextEvent()
    {
        var roll = _random.Next(10_000);
        if (roll < BookTopShare) return NextBookTop();
        if ((roll -= BookTopShare) < TradeShare) return NextTrade();
        if ((roll -= TradeShare) < MarkShare) return NextMarkPrice();
        if (roll - MarkShare < OpenInterestShare) return NextOpenInterest();
        return NextLiquidation();
    }

    public Trade NextTrade()
    {
        var buy = _random.Next(2) == 0;
        var time = EventTime();
        return new Trade(Symbol, time, time + Latency, ++_sequence, ++_id,
            Price(buy ? _bid + _spread : _bid), Size(0.4, 1.3), buy ? Side.Buy : Side.Sell, time);
    }

    public BookTop NextBookTop()
    {
        _bid += _random.Next(10) switch { 0 or 1 => -1, 2 or 3 => 1, _ => 0 };
        _spread = _random.Next(4) == 0 ? 2 : 1;
        var time = EventTime();
        return new BookTop(Symbol, time, time + Latency, ++_sequence, ++_id,
            Price(_bid), Size(3, 0.8), Price(_bid + _spread), Size(3, 0.8));
    }

    public MarkPrice NextMarkPrice()
    {
        var mid = _bid + _spread / 2.0;
        var nextFunding = (_time / TimeSpan.TicksPerHour / 8 + 1) * 8 * TimeSpan.TicksPerHour;
        var time = EventTime();
        return new MarkPrice(Symbol, time, time + Latency, ++_sequence,
            Price((long)(mid + Normal())), Price((long)(mid + Normal() * 2)), Math.Round((decimal)(0.0001 + Normal() * 0.00005), 8),
            nextFunding);
    }

    public Liquidation NextLiquidation()
    {
        var quantity = Size(2, 1);
        var price = Price(_bid - _random.Next(5));
        var time = EventTime();
        return new Liquidation(Symbol, time, time + Latency, ++_sequence,
            _random.Next(2) == 0 ? Side.Buy : Side.Sell, price, price, quantity, quantity, "FILLED", time);
    }

    public OpenInterest NextOpenInterest()
    {
        _openInterest *= 1 + Normal() * 0.0005;
        var time = EventTime();
        return new OpenInterest(Symbol, time, time + Latency, ++_sequence, Math.Round((decimal)_openInterest, 3));
    }

    /// <summary>A synced book of <paramref name="levels"/> a side from the current touch outwards, one level per tick.</summary>
    public OrderBook Book(int levels)
    {
        var book = new OrderBook();
        book.Reset(
            Enumerable.Range(0, levels).Select(i => new PriceLevel(Price(_bid - i), Size(8, 0.9))).ToArray(),
            Enumerable.Range(0, levels).Select(i => new PriceLevel(Price(_bid + _spread + i), Size(8, 0.9))).ToArray());
        return book;
    }

    private long EventTime() => _time + _random.NextInt64(1, Cadence.Ticks);

    private static decimal Price(long ticks) => ticks * PriceTick;

    /// <summary>A log-normal size with median <paramref name="median"/>, to 0.001.</summary>
    private decimal Size(double median, double sigma) => Math.Max(0.001m, Math.Round((decimal)(median * Math.Exp(sigma * Normal())), 3));

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
