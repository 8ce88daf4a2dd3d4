# Disk and inode fill: writes one huge file to /tmp until the filesystem says no, then creates empty files until
# it runs out of inodes, hoping to fill the host's disk or its inode table (breaking every other service).
# Stopped by: /tmp and the work directory being one private tmpfs per run, of 64 MiB and a bounded inode count;
# RLIMIT_FSIZE caps single files. The tmpfs is unmounted when the run ends.
import errno, os

written = 0
try:
    with open("/tmp/fill", "wb") as f:
        block = b"x" * (1 << 20)
        while True:
            f.write(block)
            f.flush()
            written += len(block)
except OSError as e:
    print("bytes", written, errno.errorcode.get(e.errno, e.errno))
os.remove("/tmp/fill")
files = 0
try:
    os.mkdir("/tmp/many")
    while True:
        open(f"/tmp/many/{files}", "w").close()
        files += 1
except OSError as e:
    print("files", files, errno.errorcode.get(e.errno, e.errno))
