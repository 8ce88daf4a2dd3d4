import * as fs from "fs";

const input: string = fs.readFileSync(0, "utf8");
console.log("OK");
process.stdout.write(input);
