use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut out = io::stdout();
    writeln!(out, "OK").unwrap();
    out.write_all(input.as_bytes()).unwrap();
}
