using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// Removes a runner's state directory: boxes are lazily unmounted, then the directory's own tmpfs (or, for a
/// directory without one, the empty mount points and the runner's generated files); nothing that sandboxed code
/// could have written is ever traversed, so planted symlinks cannot redirect the cleanup.
/// </summary>
internal static class StateCleaner
{
    /// <summary>Removes the directories of runners whose process is gone.</summary>
    public static void RemoveStale(string stateRoot)
    {
        if (!Directory.Exists(stateRoot)) return;
        foreach (var dir in Directory.GetDirectories(stateRoot))
        {
            if (!InstanceNames.IsStale(Path.GetFileName(dir))) continue;
            try
            {
                Remove(dir);
            }
            catch (DirectoryNotFoundException)
            {
                // Another runner starting at the same time removed it first.
            }
        }
    }

    public static void Remove(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var box in Directory.GetDirectories(dir, "b*")) Native.Unmount(box);
        if (Native.Unmount(dir))
        {
            // The state directory is a tmpfs of its own (see LocalSandboxRunner): gone with it is everything inside.
            TryDelete(() => Directory.Delete(dir, recursive: false));
            return;
        }
        foreach (var box in Directory.GetDirectories(dir, "b*")) TryDelete(() => Directory.Delete(box, recursive: false));
        var etc = Path.Combine(dir, "etc");
        foreach (var file in Directory.Exists(etc) ? Directory.GetFiles(etc) : []) TryDelete(() => File.Delete(file));
        TryDelete(() => Directory.Delete(etc, recursive: false));
        TryDelete(() => File.Delete(Path.Combine(dir, "seccomp.bpf")));
        // Written by the runner only (never by sandboxed code: bound read-only), so a recursive delete is safe.
        TryDelete(() => Directory.Delete(Path.Combine(dir, "lang"), recursive: true));
        TryDelete(() => Directory.Delete(dir, recursive: false));
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
            // Left for a later clean-up.
        }
    }
}
