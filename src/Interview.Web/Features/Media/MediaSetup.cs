using Interview.Web.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Media;

public static class MediaSetup
{
    public static void AddMedia(this WebApplicationBuilder builder)
    {
        builder.AddSettings<MediaOptions>(MediaOptions.Section)
            .Validate(o => o.TurnUrls.Count == 0 || !string.IsNullOrEmpty(o.TurnSecret), "Media:TurnUrls needs Media:TurnSecret.")
            .Validate(o => o.IceTransportPolicy != "relay" || o.TurnUrls.Count > 0 || o.IceServers.Count > 0,
                "Media:IceTransportPolicy=relay needs a TURN server (Media:TurnUrls or Media:IceServers).");
    }
}
