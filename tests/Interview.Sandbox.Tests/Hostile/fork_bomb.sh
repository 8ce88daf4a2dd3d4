# Fork bomb: every call of `f` starts two more copies of itself in the background, doubling the number of
# processes until the machine has no pids or memory left, starving every other user of the host.
# Stopped by: the cgroup pids limit (fork fails with EAGAIN at 64 tasks), the CPU/wall limits, and the final
# kill of the run's cgroup (through the namespace's init), so no copy survives the run.
f() { f | f & }
f
sleep 5
