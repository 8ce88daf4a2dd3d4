using Interview.Web.Shared.Hosting;

namespace Interview.Web.Features.Watch;

public static class WatchSetup
{
    public static void AddWatch(this WebApplicationBuilder builder)
    {
        builder.AddSettings<WatchOptions>(WatchOptions.Section);
        builder.Services.AddSingleton<OEmbedCache>();
        builder.Services.AddHttpClient<OEmbedClient>(client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Interview/1.0"));
        builder.Services.AddTransient<VideoResolver>();
    }
}
