package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	fmt.Println("OK")
	io.Copy(os.Stdout, os.Stdin)
}
