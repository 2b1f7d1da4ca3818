using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Screener.Sim.Server;

/// <summary>
/// Wraps the server's upgrade feature so the WebSocket middleware builds its WebSocket over a
/// <see cref="TappedStream"/>. Installed per request ahead of <c>UseWebSockets</c>; the endpoint later finds
/// the stream through <see cref="Of"/>.
/// </summary>
internal sealed class TappedUpgradeFeature : IHttpUpgradeFeature
{
    private readonly IHttpUpgradeFeature _inner;
    private readonly Func<Stream, TappedStream> _wrap;

    private TappedUpgradeFeature(IHttpUpgradeFeature inner, Func<Stream, TappedStream> wrap)
    {
        _inner = inner;
        _wrap = wrap;
    }

    public bool IsUpgradableRequest => _inner.IsUpgradableRequest;

    public TappedStream? Stream { get; private set; }

    public static void Install(HttpContext context, Func<Stream, TappedStream> wrap)
    {
        if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } inner)
            context.Features.Set<IHttpUpgradeFeature>(new TappedUpgradeFeature(inner, wrap));
    }

    /// <summary>The tapped transport of an upgraded request, or null when the request was not tapped.</summary>
    public static TappedStream? Of(HttpContext context) => (context.Features.Get<IHttpUpgradeFeature>() as TappedUpgradeFeature)?.Stream;

    public async Task<Stream> UpgradeAsync()
    {
        Stream = _wrap(await _inner.UpgradeAsync());
        return Stream;
    }
}
