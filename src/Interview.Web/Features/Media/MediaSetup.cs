using Interview.Web.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Media;

public static class MediaSetup
{
    public static void AddMedia(this WebApplicationBuilder builder)
    {
        builder.AddSettings<MediaOptions>(MediaOptions.Section)
            .Validate(o => o.TurnUrls.Count == 0 || !string.IsNullOrEmpty(o.TurnSecret), "Media:TurnUrls needs Media:TurnSecret.");
    }
}
