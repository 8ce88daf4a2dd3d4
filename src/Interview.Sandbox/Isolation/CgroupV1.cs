using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>cgroup v1: one directory per controller (memory, pids, cpuacct, freezer).</summary>
internal sealed class CgroupV1 : RunCgroup
{
    public static readonly string[] Controllers = ["memory", "pids", "cpuacct", "freezer"];

    private readonly string _memory, _pids, _cpuacct, _freezer;
    private readonly bool _hasMemsw;
    private long _oomBaseline;

    public CgroupV1(string root, string relative)
    {
        _memory = Path.Combine(root, "memory", relative);
        _pids = Path.Combine(root, "pids", relative);
        _cpuacct = Path.Combine(root, "cpuacct", relative);
        _freezer = Path.Combine(root, "freezer", relative);
        foreach (var dir in Dirs) Directory.CreateDirectory(dir);
        _hasMemsw = File.Exists(Path.Combine(_memory, "memory.memsw.limit_in_bytes"));
        ProcsFiles = [.. Dirs.Select(d => Path.Combine(d, "cgroup.procs"))];
    }

    private string[] Dirs => [_memory, _pids, _cpuacct, _freezer];

    public override IReadOnlyList<string> ProcsFiles { get; }

    public override void SetLimits(long memoryBytes, int processes)
    {
        var limit = Path.Combine(_memory, "memory.limit_in_bytes");
        var memsw = Path.Combine(_memory, "memory.memsw.limit_in_bytes");
        if (!_hasMemsw) Write(limit, memoryBytes.ToString());
        else if (memoryBytes > ReadLong(limit))
        {
            // memsw (memory + swap) may never be below the memory limit: raise it first, lower it last.
            Write(memsw, memoryBytes.ToString());
            Write(limit, memoryBytes.ToString());
        }
        else
        {
            Write(limit, memoryBytes.ToString());
            Write(memsw, memoryBytes.ToString());
        }
        Write(Path.Combine(_pids, "pids.max"), processes.ToString());
    }

    public override void ResetCounters()
    {
        Write(Path.Combine(_cpuacct, "cpuacct.usage"), "0");
        Write(Path.Combine(_memory, "memory.max_usage_in_bytes"), "0");
        _oomBaseline = ReadKey(Path.Combine(_memory, "memory.oom_control"), "oom_kill");
    }

    public override long CpuNanoseconds => ReadLong(Path.Combine(_cpuacct, "cpuacct.usage"));

    public override long PeakMemoryBytes => ReadLong(Path.Combine(_memory, "memory.max_usage_in_bytes"));

    public override bool OomKilled => ReadKey(Path.Combine(_memory, "memory.oom_control"), "oom_kill") > _oomBaseline;

    public override bool IsEmpty => Dirs.All(d => !Directory.Exists(d) || Read(Path.Combine(d, "cgroup.procs")).Length == 0);

    public override IReadOnlyList<int> Members() =>
        [.. Dirs.Where(Directory.Exists).SelectMany(d => Pids(Path.Combine(d, "cgroup.procs"))).Distinct()];

    public override void KillAll() => KillAll(_freezer, Dirs);

    /// <summary>
    /// Kills everything in a v1 group given its freezer directory (also used for stale groups). Every member gets
    /// SIGKILL, bwrap's init (pid 1 of the run's namespace) among them: the kernel then kills the whole namespace at
    /// once, so a fork cannot outrun the kill. Passes repeat until the group is empty. Only if that does not converge
    /// within a second is the group frozen for a pass, and thawed right after (a frozen task cannot die, and a
    /// runner that died between freeze and thaw would leave it frozen until the next start-up's clean-up).
    /// </summary>
    public static void KillAll(string freezer, IReadOnlyList<string> dirs)
    {
        bool Empty() => dirs.All(d => !Directory.Exists(d) || Read(Path.Combine(d, "cgroup.procs")).Length == 0);
        var state = Path.Combine(freezer, "freezer.state");
        var start = Environment.TickCount64;
        for (var round = 0; !Empty(); round++)
        {
            var elapsed = Environment.TickCount64 - start;
            if (elapsed > 5000) throw new IOException("cgroup did not empty in time");
            var freeze = elapsed > 1000;
            if (freeze) Write(state, "FROZEN");
            foreach (var dir in dirs)
                foreach (var pid in Pids(Path.Combine(dir, "cgroup.procs"))) Native.Kill(pid, Native.SigKill);
            if (freeze || !Read(state).StartsWith("THAWED", StringComparison.Ordinal)) Write(state, "THAWED");
            Thread.Sleep(round < 20 ? 1 : 10);
        }
    }

    public override void Dispose()
    {
        foreach (var dir in Dirs) RemoveDirectory(dir);
    }
}
