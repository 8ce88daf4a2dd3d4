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

    public static void Kill(int pid, int signal) => KillRaw(pid, signal);

    private static IOException Error(string what)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}
