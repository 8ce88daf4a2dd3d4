# Network access: connects to a TCP port the test is listening on at the host's 127.0.0.1 (and to the host's other
# addresses), hoping to reach services bound to loopback — databases, admin endpoints, the web host itself — or the
# internet. The port is given on stdin.
# Stopped by: the network namespace: the sandbox has only its own, empty loopback; the host's 127.0.0.1 is another
# stack. The test asserts that its listener never saw a connection.
import socket, sys

port = int(sys.stdin.readline())
hosts = sys.stdin.readline().split()
for host in ["127.0.0.1", "localhost"] + hosts:
    try:
        socket.create_connection((host, port), timeout=2).close()
        print("CONNECTED", host)
    except OSError as e:
        print("refused", host, type(e).__name__)
