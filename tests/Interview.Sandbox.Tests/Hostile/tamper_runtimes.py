# Tampering with the runtimes: appends to the Python interpreter, drops a module into the standard library that
# every later run would import (a persistent backdoor for the next candidate), rewrites /etc/passwd and writes
# to /proc/sysrq-trigger (which could reboot the host).
# Stopped by: read-only binds (EROFS), files owned by an unmapped uid, /proc/sys and sysrq owned by the host's root
# (not mapped into the sandbox's user namespace).
import os, sysconfig

targets = [
    "/usr/bin/python3",
    os.path.join(sysconfig.get_paths()["stdlib"], "sitecustomize.py"),
    "/etc/passwd",
    "/proc/sysrq-trigger",
    "/proc/sys/kernel/hostname",
    "/lang/python/language.json",
]
for path in targets:
    try:
        with open(path, "a") as f:
            f.write("\n# tampered\n")
        print("WROTE", path)
    except OSError as e:
        print("denied", path, type(e).__name__)
