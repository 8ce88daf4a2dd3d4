# Output flood: writes to stdout as fast as it can, forever, hoping the server buffers it all in memory (or sends it
# all to every browser in the room) until something falls over.
# Stopped by: the output pump keeping only the first 64 KiB per stream and killing the run once a stream passes
# 1 MiB (status output_limit, truncated true). Memory on the server stays bounded whatever the program writes.
import sys

block = "flood " * 10000
while True:
    sys.stdout.write(block)
