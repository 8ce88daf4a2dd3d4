using Interview.Web.Shared.Hosting;
using Interview.Web.Shared.Security;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Watch;

public static class WatchSetup
{
    public static void AddWatch(this WebApplicationBuilder builder)
    {
        builder.AddSettings<WatchOptions>(WatchOptions.Section);
        builder.Services.AddSingleton<OEmbedCache>();
        builder.Services.AddHttpClient<OEmbedClient>(client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Interview/1.0"));
        builder.Services.AddTransient<VideoResolver>();
        // The page loads YouTube's IFrame API script, which frames YouTube's player; thumbnails come from oEmbed's answer.
        builder.Services.AddOptions<ContentSecuritySources>().Configure<IOptions<WatchOptions>>((csp, watch) =>
        {
            csp.AddOriginOf(CspDirective.ScriptSrc, watch.Value.YouTubeIframeApiUrl);
            csp.AddOriginOf(CspDirective.FrameSrc, watch.Value.YouTubeIframeApiUrl);
            csp.AddOriginOf(CspDirective.ImgSrc, watch.Value.OEmbedUrl);
        });
    }
}
