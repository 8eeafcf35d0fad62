// Preloaded into a measured child process: on exit, writes the CPU time it used (user and system,
// in microseconds, all threads) as JSON to the file named by ZAZ_CPU_FILE, so the benchmark can
// report it.
import { writeFileSync } from "node:fs";

const target = process.env.ZAZ_CPU_FILE;
if (target) {
  process.on("exit", () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ user: userCPUTime, system: systemCPUTime }));
  });
}
