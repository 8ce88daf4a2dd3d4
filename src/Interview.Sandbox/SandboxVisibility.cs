using Interview.Sandbox.Catalog;
using Interview.Sandbox.Internal;
using Interview.Sandbox.Isolation;

namespace Interview.Sandbox;

/// <summary>
/// Whether a host path can be read from inside a sandbox: every sandbox sees /usr, a few /etc entries and the
/// runtimes read-only, so the server's data directory or configuration under one of them would be readable by any
/// submitted program. The host checks its own paths at start-up and refuses to start if one is visible.
/// </summary>
public static class SandboxVisibility
{
    /// <summary>The read-only bind through which sandboxed programs would see <paramref name="hostPath"/> (the path
    /// as given and with its symlinks resolved), or null when they cannot.</summary>
    public static string? ExposingBind(SandboxOptions options, string hostPath)
    {
        var binds = SandboxBinds.HostView(options, new LanguageCatalog(options.LanguagesDirectory)).ToList();
        foreach (var candidate in new[] { Path.GetFullPath(hostPath), Native.RealPath(hostPath) }.Distinct(StringComparer.Ordinal))
        {
            // bubblewrap mounts in order: the last bind containing the path decides what the sandbox sees there.
            var last = binds.LastOrDefault(b => b.Kind != SandboxBindKind.Symlink && Contains(b.HostPath, candidate));
            if (last is { Kind: SandboxBindKind.ReadOnly or SandboxBindKind.ReadOnlyIfPresent }) return last.HostPath;
        }
        return null;
    }

    private static bool Contains(string bind, string path) =>
        path == bind || path.StartsWith(bind.TrimEnd('/') + "/", StringComparison.Ordinal);
}
