using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>cgroup v2: one directory with memory, pids and cpu controllers enabled by its parents.</summary>
internal sealed class CgroupV2 : RunCgroup
{
    private readonly string _dir;
    private long _cpuBaselineUs, _oomBaseline;

    public CgroupV2(string root, string relative)
    {
        // Enable the controllers down the path (no process lives in these parents, as v2 requires).
        var current = root;
        foreach (var part in relative.Split('/'))
        {
            foreach (var controller in new[] { "+memory", "+pids", "+cpu" }) // one by one: one failure voids a whole write
                TryWrite(Path.Combine(current, "cgroup.subtree_control"), controller);
            current = Path.Combine(current, part);
            Directory.CreateDirectory(current);
        }
        _dir = current;
        ProcsFiles = [Path.Combine(_dir, "cgroup.procs")];
    }

    public override IReadOnlyList<string> ProcsFiles { get; }

    public override void SetLimits(long memoryBytes, int processes)
    {
        Write(Path.Combine(_dir, "memory.max"), memoryBytes.ToString());
        TryWrite(Path.Combine(_dir, "memory.swap.max"), "0");
        Write(Path.Combine(_dir, "pids.max"), processes.ToString());
    }

    public override void ResetCounters()
    {
        _cpuBaselineUs = ReadKey(Path.Combine(_dir, "cpu.stat"), "usage_usec");
        _oomBaseline = ReadKey(Path.Combine(_dir, "memory.events"), "oom_kill");
        TryWrite(Path.Combine(_dir, "memory.peak"), "0"); // resettable on recent kernels
    }

    public override long CpuNanoseconds => (ReadKey(Path.Combine(_dir, "cpu.stat"), "usage_usec") - _cpuBaselineUs) * 1000;

    public override long PeakMemoryBytes =>
        File.Exists(Path.Combine(_dir, "memory.peak")) ? ReadLong(Path.Combine(_dir, "memory.peak"))
        : ReadLong(Path.Combine(_dir, "memory.current"));

    public override bool OomKilled => ReadKey(Path.Combine(_dir, "memory.events"), "oom_kill") > _oomBaseline;

    public override bool IsEmpty => ReadKey(Path.Combine(_dir, "cgroup.events"), "populated") == 0;

    public override IReadOnlyList<int> Members() => [.. Pids(Path.Combine(_dir, "cgroup.procs"))];

    public override void KillAll() => KillAll(_dir);

    public static void KillAll(string dir)
    {
        if (ReadKey(Path.Combine(dir, "cgroup.events"), "populated") == 0) return;
        // cgroup.kill (Linux 5.14+) kills atomically, forks included; otherwise kill passes as in v1 (v2's freezer
        // lets SIGKILL through, so frozen leftovers of a dead runner still die).
        if (!TryWrite(Path.Combine(dir, "cgroup.kill"), "1"))
            foreach (var pid in Pids(Path.Combine(dir, "cgroup.procs"))) Native.Kill(pid, Native.SigKill);
        WaitUntil(() =>
        {
            if (ReadKey(Path.Combine(dir, "cgroup.events"), "populated") == 0) return true;
            foreach (var pid in Pids(Path.Combine(dir, "cgroup.procs"))) Native.Kill(pid, Native.SigKill);
            return false;
        }, TimeSpan.FromSeconds(5));
    }

    public override void Dispose() => RemoveDirectory(_dir);

    private static bool TryWrite(string file, string value)
    {
        try
        {
            File.WriteAllText(file, value);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
