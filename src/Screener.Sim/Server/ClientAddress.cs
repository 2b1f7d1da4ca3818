using Microsoft.AspNetCore.Http;

namespace Screener.Sim.Server;

/// <summary>The client IP the exchange's per-IP rules (weights, bans) key on.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        // One client reaching a dual-stack socket over IPv4 must not count as a second IP.
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
