# Daemon that outlives its run: the classic double fork. The first child calls setsid() to leave the session and
# process group, forks again and exits, so the grandchild is re-parented away from the program; the program itself
# exits at once with status 0. The grandchild renames itself with a marker (argv[0], passed on stdin) and sleeps,
# hoping to keep running after the run is reported finished — to spy on later runs or keep using CPU.
# Stopped by: the pid namespace (when bubblewrap's init exits, the kernel kills everything in the namespace) and the
# final kill of the run's cgroup. The test looks for the marker in every host process's command line afterwards.
import os, sys

marker = sys.stdin.readline().strip()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.closerange(0, 3)
        os.execv("/bin/sleep", [marker, "600"])
    os._exit(0)
print("parent leaving")
