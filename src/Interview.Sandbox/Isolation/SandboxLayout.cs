using Interview.Sandbox.Catalog;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// What every sandbox looks like, computed once per runner: the bubblewrap arguments (namespaces, read-only
/// runtime binds, /proc, /dev, the box), the stub that waits inside for the step, and the launcher script used
/// where bubblewrap cannot be started straight from the launcher thread. Only the box path and the cgroup differ
/// between sandboxes.
/// </summary>
internal sealed class SandboxLayout
{
    /// <summary>
    /// Where the launcher thread cannot start bubblewrap itself (cgroup v2, where a single thread cannot change
    /// groups), this script runs as root in the host as the sandbox's first process: it joins the cgroup, then execs
    /// setpriv → bwrap. Arguments: the number of cgroup.procs files, those files, the host uid, then bwrap's argv.
    /// Exit code 125 means the launcher itself failed.
    /// </summary>
    public const string LauncherScript = """
        n=$1; shift
        while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n - 1)); done
        uid=$1; shift
        unset PWD OLDPWD
        exec /usr/bin/setpriv --reuid="$uid" --regid="$uid" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"
        """;

    /// <summary>
    /// The first process inside the sandbox (pid 2, under bwrap's init): it writes one byte to stdout (the sandbox
    /// is ready: the host starts the program's clock from there and drops the byte), waits for one line on stdin —
    /// the step's limits, environment and command, written by the host — and evaluates it, which sets the rlimits
    /// and execs the program. dash reads that line byte by byte, so the rest of stdin is left for the program.
    /// </summary>
    public static readonly string[] StubCommand = ["/usr/bin/dash", "-c", "printf . && IFS= read -r l && eval \"$l\""];

    private readonly List<string> _args;

    public SandboxLayout(SandboxOptions options, LanguageCatalog catalog, string stateDirectory, string? seccompFile)
    {
        Options = options;
        SeccompFile = seccompFile;
        var etc = Path.Combine(stateDirectory, "etc");
        Directory.CreateDirectory(etc);
        var uid = options.SandboxUid;
        File.WriteAllText(Path.Combine(etc, "passwd"), $"root:x:0:0:root:/nonexistent:/usr/sbin/nologin\nsandbox:x:{uid}:{uid}:sandbox:/box/work:/bin/sh\n");
        File.WriteAllText(Path.Combine(etc, "group"), $"root:x:0:\nsandbox:x:{uid}:\n");
        File.WriteAllText(Path.Combine(etc, "hosts"), "127.0.0.1 localhost sandbox\n::1 localhost\n");

        _args =
        [
            // Namespaces: user, pid, net (loopback only), ipc, uts, cgroup, mount. No nested user namespaces.
            "--unshare-all", "--unshare-user", "--disable-userns",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--uid", uid.ToString(), "--gid", uid.ToString(), "--hostname", "sandbox",
        ];
        foreach (var bind in SandboxBinds.HostView(options, catalog))
        {
            _args.AddRange(bind.Kind switch
            {
                SandboxBindKind.ReadOnly => ["--ro-bind", bind.HostPath, bind.HostPath],
                SandboxBindKind.ReadOnlyIfPresent => ["--ro-bind-try", bind.HostPath, bind.HostPath],
                SandboxBindKind.Symlink => ["--symlink", bind.LinkTarget!, bind.HostPath],
                _ => ["--tmpfs", bind.HostPath],
            });
        }
        foreach (var name in new[] { "passwd", "group", "hosts" })
            _args.AddRange(["--ro-bind", Path.Combine(etc, name), "/etc/" + name]);
        // The language files (helper scripts) are copied into the state directory: the application's own directory
        // may not be traversable by the unprivileged host uid (a checkout under /root, say).
        var lang = Path.Combine(stateDirectory, "lang");
        CopyTree(catalog.Directory, lang);
        _args.AddRange(["--ro-bind", lang, "/lang", "--proc", "/proc", "--dev", "/dev"]);
    }

    public SandboxOptions Options { get; }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    public string? SeccompFile { get; }

    /// <summary>bubblewrap's argv (its path first) for one sandbox; <paramref name="seccompFd"/> is an inherited
    /// descriptor of the seccomp filter, or -1.</summary>
    public IReadOnlyList<string> BwrapArguments(Box box, int seccompFd)
    {
        var args = new List<string>(_args.Count + 16) { Options.BwrapPath };
        args.AddRange(_args);
        if (seccompFd >= 0) args.AddRange(["--seccomp", seccompFd.ToString()]);
        args.AddRange([
            "--bind", box.Path, "/box", "--symlink", "/box/tmp", "/tmp", "--chdir", "/box/work",
            "--clearenv", "--"]);
        args.AddRange(StubCommand);
        return args;
    }

    /// <summary>The launcher script's argv (after <c>dash -c LauncherScript launcher</c>).</summary>
    public IReadOnlyList<string> LauncherArguments(RunCgroup cgroup, IReadOnlyList<string> bwrap) =>
        [cgroup.ProcsFiles.Count.ToString(), .. cgroup.ProcsFiles, Options.HostUid.ToString(), .. bwrap];
}
