puts "OK"
$stdout.write($stdin.read)
