using Interview.Web.Shared.Hosting;

namespace Interview.Web.Features.Media;

/// <summary>The call's browser module (esbuild entry <c>media</c>, source <c>wwwroot/src/media.js</c>).</summary>
public static class MediaAssets
{
    public const string Module = ClientAssets.RequestPath + "/dist/media.js";
}
