namespace Interview.Sandbox.Isolation;

/// <summary>
/// The cgroup of one sandbox step: every process of the step joins it before bubblewrap starts, so limits and
/// accounting cover all of them, and <see cref="KillAll"/> leaves nothing behind.
/// </summary>
internal abstract class RunCgroup : IDisposable
{
    /// <summary>Files the launcher writes its own pid to (one per v1 controller, one in v2).</summary>
    public abstract IReadOnlyList<string> ProcsFiles { get; }

    /// <summary>Memory (RAM + swap) and process limits; may be changed before the program starts.</summary>
    public abstract void SetLimits(long memoryBytes, int processes);

    /// <summary>Zeroes CPU and peak-memory accounting and remembers the OOM-kill count, just before the program
    /// starts, so that the sandbox's own start-up is not billed to the program.</summary>
    public abstract void ResetCounters();

    public abstract long CpuNanoseconds { get; }

    public abstract long PeakMemoryBytes { get; }

    /// <summary>True when the kernel's OOM killer acted in this cgroup since <see cref="ResetCounters"/>.</summary>
    public abstract bool OomKilled { get; }

    public abstract bool IsEmpty { get; }

    /// <summary>SIGKILLs every member (the namespace's init among them, which takes the whole pid namespace down)
    /// until the group is empty.</summary>
    public abstract void KillAll();

    /// <summary>The processes in the group now.</summary>
    public abstract IReadOnlyList<int> Members();

    /// <summary>Gives exiting processes a moment to leave on their own, then kills the rest. After a step the
    /// namespace's init is usually still on its way out (tearing down the namespaces): its exit is awaited through
    /// a pidfd, not by polling.</summary>
    public void WaitEmptyOrKill()
    {
        var deadline = Environment.TickCount64 + 100;
        while (!IsEmpty)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                KillAll();
                return;
            }
            Internal.Native.WaitAnyExit(Members(), (int)left);
        }
    }

    /// <summary>Removes the group's directories (after <see cref="KillAll"/>).</summary>
    public abstract void Dispose();

    protected static void Write(string file, string value) => File.WriteAllText(file, value);

    protected static string Read(string file) => File.ReadAllText(file);

    protected static long ReadLong(string file) => long.Parse(Read(file).AsSpan().Trim());

    /// <summary>Reads <c>key value</c> lines (memory.oom_control, memory.events, cpu.stat).</summary>
    protected static long ReadKey(string file, string key)
    {
        foreach (var line in File.ReadLines(file))
        {
            var space = line.IndexOf(' ');
            if (space > 0 && line.AsSpan(0, space).SequenceEqual(key)) return long.Parse(line.AsSpan(space + 1));
        }
        return 0;
    }

    protected static IEnumerable<int> Pids(string procsFile) =>
        Read(procsFile).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    protected static void WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        for (var round = 0; !condition(); round++)
        {
            if (Environment.TickCount64 > deadline) throw new IOException("cgroup did not settle in time");
            Thread.Sleep(round < 20 ? 1 : 10);
        }
    }

    protected static void RemoveDirectory(string dir)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: false);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(10); // EBUSY while the last exiting task leaves
            }
        }
    }
}
