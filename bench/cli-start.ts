/**
 * npm run bench:cli [-- --runs N] [-- --bin PAD/NAAR/zaz.js]
 *
 * The start-up cost of the built `zaz`: the CPU time (user + system) of `node apps/cli/bin/zaz.js
 * --help` against that of `node -e ''`, each run in a fresh process, the commands interleaved;
 * prints the medians and their ratio against the target of at most 4×, and `zaz instrument list`
 * for information. --bin measures another build, for example a second checkout, to compare.
 * Runs with `node`, so the heap flags on zaz.js's #! line (for large imports) do not apply.
 */
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureProcess, median, ProcessFailed, root } from "./measure.js";

/** a path as it is shown: relative inside this repository */
const shown = (path: string) => (path.startsWith(`${root}/`) ? relative(root, path) : path);
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    bin: { type: "string", default: join(root, "apps", "cli", "bin", "zaz.js") },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs moet een geheel getal van minstens 1 zijn, niet "${values.runs}".\n`);
  process.exit(2);
}
const bin = resolve(values.bin);
/** zaz --help may cost at most this many times the CPU time of an empty Node process */
const target = 4;

interface Case {
  label: string;
  args: string[];
}
const baseline: Case = { label: "node -e ''", args: ["-e", ""] };
const help: Case = { label: "zaz --help", args: [bin, "--help"] };
const instrumentList: Case = { label: "zaz instrument list", args: [bin, "instrument", "list"] };
const cases = [baseline, help, instrumentList];

interface Sample {
  /** user + system CPU time, ms */
  cpu: number;
  /** wall-clock time, ms */
  wall: number;
}

/** Runs one command in a fresh process, measured by measureProcess (./usage-reporter.mjs, preloaded). */
function run(c: Case): Sample | { failed: string } {
  try {
    const measured = measureProcess(c.label, process.execPath, c.args);
    return { cpu: measured.cpuMs, wall: measured.wallMs };
  } catch (error) {
    if (error instanceof ProcessFailed) return { failed: error.output };
    throw error;
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const built = join(bin, "..", "..", "dist", "bin.js");
if (!existsSync(bin)) fail(`zaz niet gevonden: ${bin}`);
if (!existsSync(built)) {
  fail(`zaz is nog niet gebouwd (${shown(built)} ontbreekt): voer eerst 'npm run build' uit in de hoofdmap.`);
}

// One run of each first: it checks that the build works and warms the file cache.
for (const c of cases) {
  const first = run(c);
  if ("failed" in first) {
    fail(
      `'${c.label}' mislukt, dus er valt niets te meten. Is de build actueel? Voer 'npm run build' uit in de hoofdmap.\n\n${first.failed.split("\n").slice(0, 12).join("\n")}`,
    );
  }
}

const samples = new Map<Case, Sample[]>(cases.map((c) => [c, []]));
for (let i = 0; i < runs; i++) {
  // interleaved, and each round in another order, so that a slow moment of the machine is shared
  for (let k = 0; k < cases.length; k++) {
    const c = cases[(i + k) % cases.length] as Case;
    const sample = run(c);
    if ("failed" in sample) fail(`'${c.label}' mislukte bij meting ${i + 1}:\n${sample.failed}`);
    samples.get(c)?.push(sample);
  }
}

const cpu = (c: Case) => median((samples.get(c) ?? []).map((s) => s.cpu));
const wall = (c: Case) => median((samples.get(c) ?? []).map((s) => s.wall));
const ratio = (c: Case) => cpu(c) / cpu(baseline);
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
const line = (c: Case) =>
  `${`${c.label}:`.padEnd(22)}CPU ${ms(cpu(c))}  (klok ${ms(wall(c))})${c === baseline ? "" : `  ${ratio(c).toFixed(1)}× ${baseline.label}`}`;
const met = ratio(help) <= target;
process.stdout.write(
  [
    `zaz starten: ${shown(bin)}, ${runs} metingen per opdracht, mediaan (CPU = user + sys)`,
    ...cases.map(line),
    `doel: zaz --help ≤ ${target}× de CPU-tijd van ${baseline.label}: ${met ? "gehaald" : "NIET gehaald"} (${ratio(help).toFixed(1)}×)`,
    "",
  ].join("\n"),
);
