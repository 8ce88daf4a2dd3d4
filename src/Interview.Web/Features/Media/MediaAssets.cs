using Interview.Web.Shared.Hosting;

namespace Interview.Web.Features.Media;

/// <summary>The call's browser modules (esbuild entries, sources in <c>wwwroot/src</c>).</summary>
public static class MediaAssets
{
    /// <summary>The call (<c>media.js</c>).</summary>
    public const string Module = ClientAssets.RequestPath + "/dist/media.js";

    /// <summary>The pre-join device check (<c>media/device-check.js</c>).</summary>
    public const string DeviceCheckModule = ClientAssets.RequestPath + "/dist/device-check.js";
}
