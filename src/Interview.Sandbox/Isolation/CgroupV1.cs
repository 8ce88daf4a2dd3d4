using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>cgroup v1: one directory per controller (memory, pids, cpuacct, freezer).</summary>
internal sealed class CgroupV1 : RunCgroup
{
    public static readonly string[] Controllers = ["memory", "pids", "cpuacct", "freezer"];

    [ThreadStatic] private static string[]? s_homeTasks;
    private readonly string _root, _memory, _pids, _cpuacct, _freezer;
    private readonly bool _hasMemsw;
    private long _oomBaseline;

    public CgroupV1(string root, string relative)
    {
        _root = root;
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

    /// <summary>
    /// Moves the calling thread alone (v1 lets threads of one process sit in different groups) into this group
    /// until disposed, then back where it was: a process it forks meanwhile starts inside, so that bubblewrap and
    /// everything after it are covered from their first instruction, without a helper process to join first.
    /// While inside, the thread counts against pids.max, and this process is listed in cgroup.procs (which is why
    /// <see cref="Native.Kill"/> never signals this process).
    /// </summary>
    public ThreadMembership AdmitCallingThread()
    {
        var membership = new ThreadMembership(Dirs, s_homeTasks ??= HomeTasks(_root));
        try
        {
            var tid = Native.GetTid().ToString();
            foreach (var dir in Dirs) Write(Path.Combine(dir, "tasks"), tid);
        }
        catch
        {
            membership.Dispose();
            throw;
        }
        return membership;
    }

    /// <summary>The tasks files of the calling thread's own groups, one per controller (as <see cref="Dirs"/>).</summary>
    private static string[] HomeTasks(string root)
    {
        var lines = File.ReadAllLines("/proc/thread-self/cgroup").Select(l => l.Split(':', 3)).Where(f => f.Length == 3).ToList();
        return [.. Controllers.Select(c =>
        {
            var line = lines.FirstOrDefault(f => f[1].Split(',').Contains(c))
                ?? throw new IOException($"this thread is in no {c} cgroup");
            return Path.Combine(root, c, line[2].TrimStart('/'), "tasks");
        })];
    }

    /// <summary>Puts the thread back into its own groups, with any thread the runtime may have created from it
    /// meanwhile (a new thread starts in its creator's groups): none of this process may stay behind.</summary>
    internal readonly struct ThreadMembership(string[] dirs, string[] homeTasks) : IDisposable
    {
        public void Dispose()
        {
            for (var i = 0; i < dirs.Length; i++)
                foreach (var tid in Pids(Path.Combine(dirs[i], "tasks")))
                    if (Directory.Exists($"/proc/self/task/{tid}")) Write(homeTasks[i], tid.ToString());
        }
    }

    public override void Dispose()
    {
        foreach (var dir in Dirs) RemoveDirectory(dir);
    }
}
