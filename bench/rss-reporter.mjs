// Preloaded into a measured child process: on exit, writes its peak resident set size (KiB)
// to the file named by ZAZ_RSS_FILE, so the benchmark can report it.
import { writeFileSync } from "node:fs";

const target = process.env.ZAZ_RSS_FILE;
if (target) {
  process.on("exit", () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
