import sys

print("OK")
sys.stdout.write(sys.stdin.read())
