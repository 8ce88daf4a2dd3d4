using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Interview.Web.Shared.Hosting;

/// <summary>
/// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from <see cref="HostingOptions.TrustedProxies"/>.
/// With none listed the headers are ignored: the ASP.NET middleware with empty lists would believe anyone.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static bool TryParseProxy(string entry, out IPAddress? address, out IPNetwork? network)
    {
        address = null;
        network = null;
        var text = entry.Trim();
        if (text.Contains('/'))
        {
            if (!IPNetwork.TryParse(text, out var parsed)) return false;
            network = parsed;
            return true;
        }
        return IPAddress.TryParse(text, out address);
    }

    /// <summary>Rewrites the client address and scheme from a trusted proxy's headers; a no-op when none is configured.</summary>
    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.TrustedProxies;
        if (proxies.Length == 0) return;

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walk the chain right to left while each hop is trusted: the first untrusted address is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in proxies)
        {
            TryParseProxy(entry, out var address, out var network);
            if (address is not null) options.KnownProxies.Add(address);
            if (network is not null) options.KnownIPNetworks.Add(network.Value);
        }
        app.UseForwardedHeaders(options);
    }
}
