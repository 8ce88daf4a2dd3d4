# Cross-run leakage, part 1: leaves files behind in every writable place (work directory, /tmp, $HOME) for a later
# run — perhaps another candidate's — to find. Part 2 (leak_reader.sh) looks for them.
# Stopped by: a fresh tmpfs per run, unmounted at the end; nothing else is writable.
secret=$(cat)
for dir in /box/work /tmp "$HOME" /box; do echo "$secret" > "$dir/left-behind" 2>/dev/null && echo "wrote $dir"; done
echo "$secret" > /dev/shm/left-behind 2>/dev/null && echo "wrote /dev/shm"
