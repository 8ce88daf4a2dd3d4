using System.Runtime.InteropServices;

namespace Interview.Sandbox.Internal;

/// <summary>The few libc calls .NET has no managed API for.</summary>
internal static partial class Native
{
    public const ulong MsNoSuid = 2, MsNoDev = 4, MsRemount = 32;
    public const int MntDetach = 2;
    public const int SigKill = 9;

    [DllImport("libc", SetLastError = true, EntryPoint = "mount")]
    private static extern int MountRaw(string source, string target, string fsType, ulong flags, string data);

    [DllImport("libc", SetLastError = true, EntryPoint = "umount2")]
    private static extern int Umount2Raw(string target, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "chown")]
    private static extern int ChownRaw(string path, uint uid, uint gid);

    [DllImport("libc", SetLastError = true, EntryPoint = "chmod")]
    private static extern int ChmodRaw(string path, uint mode);

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int KillRaw(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    public static extern uint GetEuid();

    [DllImport("libc", SetLastError = true, EntryPoint = "syscall")]
    private static extern int PidfdOpenRaw(long number, int pid, uint flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "poll")]
    private static extern int PollRaw([In, Out] PollFd[] fds, nuint count, int timeoutMs);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int CloseRaw(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int OpenRaw(string path, int flags);

    [DllImport("libc", EntryPoint = "gettid")]
    public static extern int GetTid();

    // Raw system calls: glibc's setresuid/setresgid/setgroups apply to every thread of the process; the kernel's
    // calls change the calling thread's credentials only, which is what ThreadCredentials needs.
    [DllImport("libc", SetLastError = true, EntryPoint = "syscall")]
    private static extern long Syscall3(long number, long a, long b, long c);

    [DllImport("libc", SetLastError = true, EntryPoint = "syscall")]
    private static extern long SyscallGroups(long number, long count, [In, Out] uint[]? groups);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    private const long SysPidfdOpen = 434; // x86-64 and arm64 alike (the generic syscall table)
    private const short PollIn = 1;
    private const int Esrch = 3;

    /// <summary>
    /// Blocks until one of <paramref name="pids"/> has exited or <paramref name="timeoutMs"/> has passed, using
    /// pidfds (Linux 5.3+): no polling, no CPU spent while waiting. Returns at once when one of them is already
    /// gone; sleeps a millisecond instead when pidfds are not available.
    /// </summary>
    public static void WaitAnyExit(IReadOnlyList<int> pids, int timeoutMs)
    {
        if (pids.Count == 0 || timeoutMs <= 0) return;
        var fds = new PollFd[Math.Min(pids.Count, 64)];
        var n = 0;
        try
        {
            foreach (var pid in pids)
            {
                if (n == fds.Length) break;
                var fd = PidfdOpenRaw(SysPidfdOpen, pid, 0);
                if (fd < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Esrch) return; // exited meanwhile
                    Thread.Sleep(1);
                    return;
                }
                fds[n++] = new PollFd { Fd = fd, Events = PollIn };
            }
            PollRaw(fds, (nuint)n, timeoutMs);
        }
        finally
        {
            for (var i = 0; i < n; i++) CloseRaw(fds[i].Fd);
        }
    }

    public static void Mount(string source, string target, string fsType, ulong flags, string data)
    {
        if (MountRaw(source, target, fsType, flags, data) != 0) throw Error($"mount {fsType} on {target}");
    }

    /// <summary>Lazily detaches a mount; returns false when nothing was mounted there.</summary>
    public static bool Unmount(string target) => Umount2Raw(target, MntDetach) == 0;

    public static void Chown(string path, uint uid, uint gid)
    {
        if (ChownRaw(path, uid, gid) != 0) throw Error($"chown {path}");
    }

    public static void Chmod(string path, uint mode)
    {
        if (ChmodRaw(path, mode) != 0) throw Error($"chmod {path}");
    }

    /// <summary>Sends a signal, never to this process itself (a v1 cgroup lists it while the launcher thread is
    /// inside) nor to init.</summary>
    public static void Kill(int pid, int signal)
    {
        if (pid > 1 && pid != Environment.ProcessId) KillRaw(pid, signal);
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "fcntl")]
    private static extern int FcntlRaw(int fd, int command, int argument);

    private const long SysCloseRange = 436; // x86-64 and arm64 alike (the generic syscall table)
    private const int CloseRangeCloexec = 4, FSetFd = 2, FdCloexec = 1;

    /// <summary>
    /// Marks every descriptor above 2 of this process close-on-exec, so that the next child inherits none the host
    /// (or a native library) opened without the flag. close_range(2) (Linux 5.11+) in one call; else one fcntl per
    /// entry of /proc/self/fd. Only the exec is affected: the host keeps using its descriptors.
    /// </summary>
    public static void MarkDescriptorsCloseOnExec()
    {
        if (Syscall3(SysCloseRange, 3, uint.MaxValue, CloseRangeCloexec) == 0) return;
        foreach (var entry in Directory.GetFiles("/proc/self/fd"))
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2) FcntlRaw(fd, FSetFd, FdCloexec);
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "realpath")]
    private static extern IntPtr RealPathRaw(string path, byte[] resolved);

    /// <summary>The absolute path with every symlink resolved (realpath(3)); for a path that does not exist yet, its
    /// deepest existing ancestor resolved and the rest appended.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var rest = "";
        for (var existing = full; ; existing = Path.GetDirectoryName(existing)!)
        {
            var buffer = new byte[4096]; // PATH_MAX
            if (RealPathRaw(existing, buffer) != IntPtr.Zero)
                return Path.Join(System.Text.Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0)), rest);
            if (existing == "/") return full;
            rest = Path.Join(Path.GetFileName(existing), rest);
        }
    }

    /// <summary>Opens a file read-only <em>without</em> close-on-exec, so that the next child inherits it.</summary>
    public static int OpenInheritable(string path)
    {
        var fd = OpenRaw(path, 0); // O_RDONLY
        return fd >= 0 ? fd : throw Error($"open {path}");
    }

    public static void Close(int fd) => CloseRaw(fd);

    private static readonly (long GetGroups, long SetGroups, long SetResUid, long SetResGid) Calls =
        RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (115, 116, 117, 119),
            Architecture.Arm64 => (158, 159, 147, 149),
            _ => (-1, -1, -1, -1), // unknown numbers: sandboxes start through the launcher script there
        };

    /// <summary>True where the per-thread credential calls below are known.</summary>
    public static bool HasThreadCredentials => Calls.SetResUid > 0;

    public static uint[] GetThreadGroups()
    {
        var n = SyscallGroups(Calls.GetGroups, 0, null);
        if (n < 0) throw Error("getgroups");
        var groups = new uint[n];
        if (n > 0 && SyscallGroups(Calls.GetGroups, n, groups) != n) throw Error("getgroups");
        return groups;
    }

    public static void SetThreadGroups(uint[] groups)
    {
        if (SyscallGroups(Calls.SetGroups, groups.Length, groups.Length == 0 ? null : groups) != 0) throw Error("setgroups");
    }

    /// <summary>setresuid for the calling thread; uint.MaxValue (-1) leaves an id unchanged.</summary>
    public static void SetThreadUids(uint real, uint effective, uint saved)
    {
        if (Syscall3(Calls.SetResUid, (int)real, (int)effective, (int)saved) != 0) throw Error("setresuid");
    }

    public static void SetThreadGids(uint real, uint effective, uint saved)
    {
        if (Syscall3(Calls.SetResGid, (int)real, (int)effective, (int)saved) != 0) throw Error("setresgid");
    }

    private static IOException Error(string what)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}
