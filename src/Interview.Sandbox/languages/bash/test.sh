echo OK
cat
