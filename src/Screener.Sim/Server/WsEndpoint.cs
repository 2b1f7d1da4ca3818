namespace Screener.Sim.Server;

/// <summary>
/// A WebSocket URL understood by the simulator: <c>[/public|/market]/ws[/s1/s2…]</c> (raw payloads) or
/// <c>[/public|/market]/stream[?streams=s1/s2…]</c> (combined <c>{"stream","data"}</c> wrapper).
/// </summary>
/// <param name="Route">URL family.</param>
/// <param name="Combined">Whether frames are wrapped; SET_PROPERTY can change it later.</param>
/// <param name="Streams">Streams named in the URL, subscribed on connect.</param>
internal sealed record WsEndpoint(StreamRoute Route, bool Combined, IReadOnlyList<string> Streams)
{
    public static bool TryParse(string path, string? streamsQuery, out WsEndpoint endpoint)
    {
        endpoint = null!;
        var route = StreamRoute.Legacy;
        var rest = path.AsSpan();
        if (rest.StartsWith("/public/", StringComparison.Ordinal))
        {
            route = StreamRoute.Public;
            rest = rest[7..];
        }
        else if (rest.StartsWith("/market/", StringComparison.Ordinal))
        {
            route = StreamRoute.Market;
            rest = rest[7..];
        }

        if (rest.SequenceEqual("/stream") || rest.SequenceEqual("/stream/"))
        {
            endpoint = new WsEndpoint(route, Combined: true, Split(streamsQuery ?? string.Empty));
            return true;
        }
        if (rest.SequenceEqual("/ws"))
        {
            endpoint = new WsEndpoint(route, Combined: false, []);
            return true;
        }
        if (rest.StartsWith("/ws/", StringComparison.Ordinal))
        {
            endpoint = new WsEndpoint(route, Combined: false, Split(rest[4..].ToString()));
            return true;
        }
        return false;
    }

    private static string[] Split(string streams) => streams.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
