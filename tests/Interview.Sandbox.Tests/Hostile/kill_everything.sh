# kill -9 -1: sends SIGKILL to every process the caller may signal. Run as an ordinary user on a shared host it
# kills all of that user's processes, here possibly the server or other runs (which use the same host uid).
# Stopped by: the pid namespace: -1 only reaches processes inside this run's namespace. The test keeps a host
# process running as the sandbox's own host uid and checks it survives.
kill -9 -1
echo "still here?"
