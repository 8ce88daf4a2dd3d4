using Interview.Sandbox.Catalog;

namespace Interview.Sandbox.Isolation;

internal enum SandboxBindKind { ReadOnly, ReadOnlyIfPresent, Symlink, Hidden }

/// <summary>One piece of the host a sandbox sees, at the same path as on the host.</summary>
internal sealed record SandboxBind(SandboxBindKind Kind, string HostPath, string? LinkTarget = null);

/// <summary>
/// Which host paths every sandbox sees (read-only), in bubblewrap's order: /usr (with /usr/local hidden), the merged
/// /bin, /lib… links, the few /etc entries runtimes need, and the runtimes outside /usr. The layout turns this into
/// arguments; <see cref="SandboxVisibility"/> checks the server's own files against it.
/// </summary>
internal static class SandboxBinds
{
    private static readonly string[] EtcEntries = ["/etc/ld.so.cache", "/etc/alternatives", "/etc/java-17-openjdk", "/etc/ssl/certs", "/etc/localtime"];

    public static IEnumerable<SandboxBind> HostView(SandboxOptions options, LanguageCatalog catalog)
    {
        yield return new(SandboxBindKind.ReadOnly, "/usr");
        if (options.HideUsrLocal && Directory.Exists("/usr/local")) yield return new(SandboxBindKind.Hidden, "/usr/local");
        // Debian merges /bin, /lib… into /usr: mirror the symlinks, or bind the real directories.
        foreach (var top in new[] { "bin", "sbin", "lib", "lib32", "lib64", "libx32" })
        {
            var info = new DirectoryInfo("/" + top);
            if (!info.Exists) continue;
            yield return info.LinkTarget is { } target ? new(SandboxBindKind.Symlink, info.FullName, target) : new(SandboxBindKind.ReadOnly, info.FullName);
        }
        // /etc: only what runtimes need (dynamic linker cache, alternatives symlinks, Java's config); passwd, group
        // and hosts are generated. No shadow, no host accounts, no resolver.
        foreach (var path in EtcEntries) yield return new(SandboxBindKind.ReadOnlyIfPresent, path);
        bool UnderUsr(string b) => b.StartsWith("/usr/", StringComparison.Ordinal)
            && !(options.HideUsrLocal && b.StartsWith("/usr/local/", StringComparison.Ordinal));
        foreach (var bind in catalog.AllBinds.Where(b => (Directory.Exists(b) || File.Exists(b)) && !UnderUsr(b)).Order(StringComparer.Ordinal))
        {
            // bwrap runs as the unprivileged host uid: a runtime it cannot reach (say under /root) is left out, and
            // its language is reported unavailable by the catalog.
            if (LanguageCatalog.TraversableByOthers(bind)) yield return new(SandboxBindKind.ReadOnly, bind);
        }
    }
}
