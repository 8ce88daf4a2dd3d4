using Interview.Web.Shared.Hosting;

namespace Interview.Web.Features.Watch;

/// <summary>The watch-together browser module (esbuild entry <c>watch</c>, source <c>wwwroot/src/watch.js</c>).</summary>
public static class WatchAssets
{
    public const string Module = ClientAssets.RequestPath + "/dist/watch.js";
}
