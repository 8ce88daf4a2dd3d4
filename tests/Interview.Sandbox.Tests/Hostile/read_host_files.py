# Reading the host's files: secrets (/etc/shadow, root's home), the application (its directory, passed on stdin),
# other runs' work directories (the runner's state directory), a canary file the test placed in the host's /tmp,
# and the environment of process 1 (bubblewrap's init), which keeps the environment bubblewrap was started with.
# Stopped by: the mount namespace (only /usr and a few runtime paths are bound, read-only), the empty environment
# bubblewrap is started with, and the unprivileged uid.
import os, sys

for path in sys.stdin.read().split():
    try:
        if os.path.isdir(path):
            print("LISTED", path, os.listdir(path)[:5])
        else:
            with open(path, "rb") as f:
                print("READ", path, f.read(200))
    except OSError as e:
        print("denied", path, type(e).__name__)
print("ENV", sorted(os.environ))
