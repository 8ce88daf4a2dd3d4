# Memory bomb: allocates and touches memory in 16 MiB steps until something gives, hoping to push the host into
# swap or make the kernel's OOM killer pick a host process.
# Stopped by: the run's memory cgroup (limit with swap off): the OOM killer acts inside the cgroup only, and the run
# reports memory_limit.
chunks = []
while True:
    chunks.append(bytearray(16 * 1024 * 1024))  # bytearray zero-fills, so every page is really touched
