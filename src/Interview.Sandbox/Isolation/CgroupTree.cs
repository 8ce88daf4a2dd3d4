namespace Interview.Sandbox.Isolation;

/// <summary>
/// The runner's own branch of the cgroup tree: <c>&lt;root&gt;/&lt;controller&gt;/interview-sandbox/&lt;pid&gt;-&lt;nonce&gt;/</c>,
/// one child per sandbox step. Branches left by runners that died are killed and removed at start-up.
/// </summary>
internal sealed class CgroupTree : IDisposable
{
    private readonly string _root, _name, _instance;
    private long _counter;

    public CgroupTree(string root, string name, string instance)
    {
        _root = root;
        _name = name;
        _instance = instance;
        if (File.Exists(Path.Combine(root, "memory", "memory.limit_in_bytes"))
            && CgroupV1.Controllers.All(c => Directory.Exists(Path.Combine(root, c))))
            IsV1 = true;
        else if (!File.Exists(Path.Combine(root, "cgroup.controllers"))
            || !File.ReadAllText(Path.Combine(root, "cgroup.controllers")).Contains("memory", StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"no usable cgroup hierarchy under {root}: need v1 memory, pids, cpuacct and freezer, or v2 with memory");
        RemoveStale();
    }

    /// <summary>True for cgroup v1 controllers, false for the unified v2 hierarchy.</summary>
    public bool IsV1 { get; }

    public RunCgroup Create()
    {
        var relative = $"{_name}/{_instance}/s{Interlocked.Increment(ref _counter)}";
        return IsV1 ? new CgroupV1(_root, relative) : new CgroupV2(_root, relative);
    }

    /// <summary>Kills and removes every group of this runner (at shutdown).</summary>
    public void Dispose() => RemoveBranch(_instance);

    private IEnumerable<string> BranchDirs(string instance) => IsV1
        ? CgroupV1.Controllers.Select(c => Path.Combine(_root, c, _name, instance))
        : [Path.Combine(_root, _name, instance)];

    private void RemoveStale()
    {
        var parent = IsV1 ? Path.Combine(_root, "memory", _name) : Path.Combine(_root, _name);
        if (!Directory.Exists(parent)) return;
        foreach (var dir in Directory.GetDirectories(parent))
        {
            var instance = Path.GetFileName(dir);
            if (InstanceNames.IsStale(instance)) RemoveBranch(instance);
        }
    }

    private void RemoveBranch(string instance)
    {
        var branches = BranchDirs(instance).ToList();
        var children = branches.Where(Directory.Exists).SelectMany(Directory.GetDirectories)
            .Select(Path.GetFileName).Distinct().ToList();
        foreach (var child in children)
        {
            try
            {
                if (IsV1)
                {
                    var dirs = branches.Select(b => Path.Combine(b, child!)).ToList();
                    CgroupV1.KillAll(dirs[3], dirs);
                }
                else CgroupV2.KillAll(Path.Combine(branches[0], child!));
            }
            catch (IOException)
            {
                // Already gone.
            }
            foreach (var b in branches) TryRemove(Path.Combine(b, child!));
        }
        foreach (var b in branches) TryRemove(b);
    }

    private static void TryRemove(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: false);
        }
        catch (IOException)
        {
            // Still busy: a later start-up will retry.
        }
    }
}

/// <summary>Names of a runner's directories: <c>&lt;pid&gt;-&lt;nonce&gt;</c>, stale once that pid is gone.</summary>
internal static class InstanceNames
{
    public static string New() => $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public static bool IsStale(string name)
    {
        var dash = name.IndexOf('-');
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), out var pid) && !Directory.Exists($"/proc/{pid}");
    }
}
