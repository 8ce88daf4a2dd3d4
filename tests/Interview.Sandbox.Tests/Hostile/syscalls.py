# Kernel attack surface: ptrace (attach to pid 1 or trace itself), unshare (new user or mount namespaces, the first
# step of many container escapes), mount, chroot, keyctl, bpf and perf_event_open. Each one is a well-known
# primitive in privilege-escalation exploits.
# Stopped by: the seccomp filter (EPERM), no capabilities, user namespaces disabled inside the sandbox, no_new_privs.
import ctypes, os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

def attempt(name, *args):
    result = libc.syscall(*args)
    err = ctypes.get_errno()
    print(("ALLOWED" if result >= 0 else "denied"), name, os.strerror(err) if result < 0 else result)

attempt("ptrace_attach_init", 101, 16, 1, 0, 0)         # PTRACE_ATTACH to pid 1
attempt("ptrace_traceme", 101, 0, 0, 0, 0)              # PTRACE_TRACEME
attempt("unshare_user", 272, 0x10000000)                # CLONE_NEWUSER
attempt("unshare_mount", 272, 0x00020000)               # CLONE_NEWNS
attempt("mount_tmpfs", 165, b"none", b"/box/work", b"tmpfs", 0, None)
attempt("chroot", 161, b"/box/work")
attempt("keyctl_join", 250, 1, None)                    # KEYCTL_JOIN_SESSION_KEYRING
attempt("bpf_map_create", 321, 0, None, 0)
attempt("perf_event_open", 298, None, 0, -1, -1, 0)
