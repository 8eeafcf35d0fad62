// Preloaded into a measured child process (see measure.ts): on exit, writes what it used as JSON to
// the file named by ZAZ_USAGE_FILE, so the benchmark can report it: CPU time (user and system, in
// microseconds, all threads) and peak resident set size (maxRSS, KiB).
import { writeFileSync } from "node:fs";

const target = process.env.ZAZ_USAGE_FILE;
if (target) {
  process.on("exit", () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ user: userCPUTime, system: systemCPUTime, maxRSS }));
  });
}
