namespace Interview.Web.Shared.Hosting;

/// <summary>The browser client bundle built by esbuild into the top-level <c>wwwroot/</c>, served under <c>/client</c>.</summary>
public static class ClientAssets
{
    public const string RequestPath = "/client";

    /// <summary>Path of the room client module, imported by the room page.</summary>
    public const string RoomModule = RequestPath + "/dist/room.js";

    public static string FindRoot(string contentRoot, IConfiguration configuration)
    {
        var configured = configuration[$"{HostingOptions.Section}:{nameof(HostingOptions.ClientRoot)}"];
        if (!string.IsNullOrEmpty(configured)) return Path.GetFullPath(configured);

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "wwwroot", "dist");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                return Path.Combine(dir.FullName, "wwwroot");
        }
        throw new InvalidOperationException(
            "The browser client bundle (wwwroot/dist) was not found above " + contentRoot +
            ". Build it with `npm run build` at the repository root, or set Hosting:ClientRoot.");
    }
}
