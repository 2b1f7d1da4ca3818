using System.Text;

namespace Screener.Binance.Tests.Fuzz;

/// <summary>
/// Seeded generator of well-formed Binance frames in the compact shape the live feed sends (combined wrapper,
/// futures key order, the 2026 extra keys), plus spot shapes and the edge values the decoders must agree on:
/// long mantissas, zero quantities with scale, negative rates, empty <c>r</c>, null <c>pu</c>, COIN-M <c>st</c>.
/// </summary>
internal sealed class FrameGenerator(int seed)
{
    private static readonly string[] Symbols =
        ["BTCUSDT", "ETHUSDT", "KSMUSDT", "XAUUSDT", "1000PEPEUSDT", "btcusdt", "BTCUSDT_261225", "币安人生USDT", "BTCUSD_PERP"];

    private readonly Random _random = new(seed);

    public string Next() => _random.Next(10) switch
    {
        < 3 => Wrap("@bookTicker", BookTicker()),
        < 6 => Wrap("@depth@100ms", Depth()),
        < 8 => Wrap("@aggTrade", AggTrade()),
        8 => _random.Next(2) == 0 ? Wrap("@markPrice@1s", MarkPrice()) : Wrap("@trade", Trade()),
        _ => SpotOrBare(),
    };

    private string SpotOrBare() => _random.Next(4) switch
    {
        0 => SpotBookTicker(),
        1 => Wrap("@bookTicker", SpotBookTicker()),
        2 => Wrap("@depth@100ms", Depth(spot: true)),
        _ => AggTrade(),
    };

    private string Wrap(string suffix, string data) => $"{{\"stream\":\"{StreamSymbol()}{suffix}\",\"data\":{data}}}";

    private string StreamSymbol() => "btcusdt";

    private string AggTrade() =>
        $"{{\"e\":\"aggTrade\",\"E\":{Ms()},\"a\":{Id()},\"s\":\"{Symbol()}\",\"p\":\"{Price()}\",\"q\":\"{Qty()}\",\"nq\":\"{Qty()}\",\"f\":{Id()},\"l\":{Id()},\"T\":{Ms()},\"m\":{Bool()}{St()}}}";

    private string Trade() =>
        $"{{\"e\":\"trade\",\"E\":{Ms()},\"T\":{Ms()},\"s\":\"{Symbol()}\",\"t\":{Id()},\"p\":\"{Price()}\",\"q\":\"{Qty()}\",\"X\":\"MARKET\",\"m\":{Bool()}{St()}}}";

    private string BookTicker() =>
        $"{{\"e\":\"bookTicker\",\"u\":{Id()},\"s\":\"{Symbol()}\",\"ps\":\"BTCUSDT\",\"b\":\"{Price()}\",\"B\":\"{Qty()}\",\"a\":\"{Price()}\",\"A\":\"{Qty()}\",\"T\":{Ms()},\"E\":{Ms()}{St()}}}";

    private string SpotBookTicker() =>
        $"{{\"u\":{Id()},\"s\":\"{Symbol()}\",\"b\":\"{Price()}\",\"B\":\"{Qty()}\",\"a\":\"{Price()}\",\"A\":\"{Qty()}\"}}";

    private string Depth(bool spot = false)
    {
        var pu = spot ? "" : _random.Next(20) == 0 ? ",\"pu\":null" : $",\"pu\":{Id()}";
        var head = $"{{\"e\":\"depthUpdate\",\"E\":{Ms()},\"T\":{Ms()},\"s\":\"{Symbol()}\",\"ps\":\"BTCUSDT\",\"U\":{Id()},\"u\":{Id()}{pu}";
        return $"{head},\"b\":{Levels()},\"a\":{Levels()}{(spot ? "" : St())}}}";
    }

    private string MarkPrice()
    {
        var index = _random.Next(10) == 0 ? "" : $",\"i\":\"{Price()}\"";
        var rate = _random.Next(10) == 0 ? "" : Rate();
        return $"{{\"e\":\"markPriceUpdate\",\"E\":{Ms()},\"s\":\"{Symbol()}\",\"p\":\"{Price()}\",\"ap\":\"{Price()}\",\"P\":\"{Price()}\"{index},\"r\":\"{rate}\",\"T\":{(_random.Next(10) == 0 ? 0 : Ms())}{St()}}}";
    }

    private string Levels()
    {
        var count = _random.Next(20) == 0 ? 0 : _random.Next(1, 25);
        var sb = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("[\"").Append(Price()).Append("\",\"").Append(Qty()).Append("\"]");
        }

        return sb.Append(']').ToString();
    }

    private string Symbol() => Symbols[_random.Next(Symbols.Length)];

    private string St() => _random.Next(8) switch
    {
        0 => "",
        1 => ",\"st\":2",
        2 => ",\"st\":null",
        _ => ",\"st\":1",
    };

    private string Bool() => _random.Next(2) == 0 ? "true" : "false";

    private long Ms() => 1_500_000_000_000 + _random.NextInt64(400_000_000_000);

    private long Id() => _random.Next(4) == 0 ? _random.Next(1000) : _random.NextInt64(1, 99_999_999_999_999);

    private string Rate() => (_random.Next(2) == 0 ? "-" : "") + "0." + Digits(8, leadingZeroOk: true);

    private string Qty() => _random.Next(6) == 0 ? "0." + new string('0', _random.Next(1, 5)) : Price();

    /// <summary>Mostly Binance-like prices; sometimes 20-27 digit mantissas (the slow parse route) or bare integers.</summary>
    private string Price()
    {
        var integer = _random.Next(5) == 0 ? "0" : Digits(_random.Next(1, 7), leadingZeroOk: false);
        return _random.Next(30) switch
        {
            0 => Digits(_random.Next(20, 28), leadingZeroOk: false),
            1 => integer + "." + Digits(_random.Next(14, 22), leadingZeroOk: true),
            2 => integer,
            _ => integer + "." + Digits(_random.Next(1, 9), leadingZeroOk: true),
        };
    }

    private string Digits(int count, bool leadingZeroOk)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('0' + (i == 0 && !leadingZeroOk ? _random.Next(1, 10) : _random.Next(10)));
        return new string(chars);
    }
}
