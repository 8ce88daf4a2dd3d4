using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// A small classic-BPF seccomp filter, handed to bubblewrap (<c>--seccomp 3</c>) and applied to the sandboxed
/// program: system calls that have no business in an interview answer and a long history of kernel bugs fail with
/// EPERM. Only for x86-64; other architectures run without it (the namespaces, cgroups and unprivileged uid remain).
/// </summary>
internal static class SeccompFilter
{
    private const uint AuditArchX8664 = 0xC000003E;
    private const uint RetKillProcess = 0x80000000, RetAllow = 0x7FFF0000, RetErrnoEperm = 0x00050000 | 1;
    private const ushort LdAbsW = 0x20, JeqK = 0x15, JgeK = 0x35, Ret = 0x06;
    private const uint Ioctl = 16, Tiocsti = 0x5412, Tioclinux = 0x541C;

    /// <summary>x86-64 numbers of denied calls, with why.</summary>
    private static readonly (uint Nr, string Name)[] Denied =
    [
        (101, "ptrace"), (310, "process_vm_readv"), (311, "process_vm_writev"), // inspecting other processes
        (165, "mount"), (166, "umount2"), (155, "pivot_root"), (161, "chroot"), // filesystem namespace games
        (428, "open_tree"), (429, "move_mount"), (430, "fsopen"), (431, "fsconfig"), (432, "fsmount"),
        (433, "fspick"), (442, "mount_setattr"),
        (272, "unshare"), (308, "setns"), // new namespaces (user namespaces are also disabled by bwrap)
        (248, "add_key"), (249, "request_key"), (250, "keyctl"), // kernel keyrings are not namespaced
        (321, "bpf"), (298, "perf_event_open"), (323, "userfaultfd"), // frequent exploit primitives
        (425, "io_uring_setup"), (426, "io_uring_enter"), (427, "io_uring_register"),
        (303, "name_to_handle_at"), (304, "open_by_handle_at"), // handle-based escape (shocker)
        (175, "init_module"), (313, "finit_module"), (176, "delete_module"), (246, "kexec_load"),
        (320, "kexec_file_load"), (169, "reboot"), (167, "swapon"), (168, "swapoff"), (163, "acct"),
        (103, "syslog"), (172, "iopl"), (173, "ioperm"), (179, "quotactl"), (153, "vhangup"),
    ];

    /// <summary>Writes the filter and returns its path, or null on architectures it does not cover.</summary>
    public static string? WriteTo(string path)
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        File.WriteAllBytes(path, Build());
        return path;
    }

    /// <summary>The program: check the architecture, deny x32 and the listed calls, deny TIOCSTI/TIOCLINUX ioctls
    /// (typing into a terminal), allow the rest.</summary>
    internal static byte[] Build()
    {
        var code = new List<(ushort Code, string? JumpIfTrue, uint K)>();
        var labels = new Dictionary<string, int>();
        void Label(string name) => labels.Add(name, code.Count); // names the instruction added next

        code.Add((LdAbsW, null, 4));                // A = seccomp_data.arch
        code.Add((JeqK, "arch-ok", AuditArchX8664));
        code.Add((Ret, null, RetKillProcess));
        Label("arch-ok");
        code.Add((LdAbsW, null, 0));                // A = seccomp_data.nr
        code.Add((JgeK, "deny", 0x40000000));       // x32 system calls
        foreach (var (nr, _) in Denied) code.Add((JeqK, "deny", nr));
        code.Add((JeqK, "ioctl", Ioctl));
        code.Add((Ret, null, RetAllow));
        Label("ioctl");
        code.Add((LdAbsW, null, 24));               // A = low 32 bits of args[1] (the kernel truncates cmd too)
        code.Add((JeqK, "deny", Tiocsti));
        code.Add((JeqK, "deny", Tioclinux));
        code.Add((Ret, null, RetAllow));
        Label("deny");
        code.Add((Ret, null, RetErrnoEperm));
        var bytes = new byte[code.Count * 8];
        for (var i = 0; i < code.Count; i++)
        {
            var (op, target, k) = code[i];
            var span = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, op);
            span[2] = target is null ? (byte)0 : checked((byte)(labels[target] - i - 1)); // jt
            span[3] = 0;                                                                    // jf: next
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], k);
        }
        return bytes;
    }
}
