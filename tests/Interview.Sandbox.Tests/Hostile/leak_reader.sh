# Cross-run leakage, part 2: searches every place a previous run could have written for its files.
for dir in /box/work /tmp "$HOME" /box /dev/shm; do cat "$dir/left-behind" 2>/dev/null; done
ls -a /tmp /box/work
