/**
 * npm run bench:reports [-- --responses N] [-- --runs R]
 *
 * The analysis engine at a school board's scale: `zaz report klassen` for the very large school of
 * bench/big-database.ts (N responses over two waves, default 1,000,000) and `zaz report scholen` for
 * its board, each against the hand-written DuckDB query of bench/hand-query.ts that computes the
 * same scale means per groep (per school) and construct. Every run is a fresh process, the two
 * interleaved; the reports compute afresh (--vers) with the CLI's default settings. Prints the
 * median wall time, CPU time and peak RSS of each, the ratios and the targets (klassen ≤ 2×,
 * scholen ≤ 3×, peak RSS of klassen ≤ 300 MB).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bigBestuur, bigDatabase, bigSchool, bigWaves, out, root, zazBin } from "./big-database.js";

const { values } = parseArgs({
  options: { responses: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" } },
});
const responses = Number(values.responses);
const runs = Number(values.runs);
const db = bigDatabase(responses);
const wave = bigWaves[1];

interface Measure {
  seconds: number;
  cpu: number;
  rssMiB: number;
}

function measure(label: string, command: string, args: string[]): Measure {
  const rssFile = join(out, `${label}.rss`);
  const cpuFile = join(out, `${label}.cpu`);
  rmSync(rssFile, { force: true });
  rmSync(cpuFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd: root,
    env: {
      ...process.env,
      NO_COLOR: "1",
      ZAZ_RSS_FILE: rssFile,
      ZAZ_CPU_FILE: cpuFile,
      NODE_OPTIONS: `--import=${join(root, "bench", "rss-reporter.mjs")} --import=${join(root, "bench", "cpu-reporter.mjs")}`,
    },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${label} mislukt (${r.status}):\n${r.stderr}`);
  const cpu = JSON.parse(readFileSync(cpuFile, "utf8")) as { user: number; system: number };
  return {
    seconds,
    cpu: (cpu.user + cpu.system) / 1e6,
    rssMiB: Number(readFileSync(rssFile, "utf8")) / 1024,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const tsx = [process.execPath, "--import", "tsx", join(root, "bench", "hand-query.ts")];

function compare(name: string, report: string[], hand: string[], target: number) {
  const zaz: Measure[] = [];
  const base: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(measure(`${name}-hand`, tsx[0]!, [...tsx.slice(1), ...hand]));
    zaz.push(
      measure(`${name}-zaz`, zazBin, [
        ...report,
        "--vers",
        "--format",
        "json",
        "--db",
        db,
        "-o",
        join(out, `${name}.json`),
      ]),
    );
  }
  const z = {
    seconds: median(zaz.map((m) => m.seconds)),
    cpu: median(zaz.map((m) => m.cpu)),
    rss: median(zaz.map((m) => m.rssMiB)),
  };
  const b = {
    seconds: median(base.map((m) => m.seconds)),
    cpu: median(base.map((m) => m.cpu)),
    rss: median(base.map((m) => m.rssMiB)),
  };
  return { name, z, b, ratio: z.seconds / b.seconds, cpuRatio: z.cpu / b.cpu, target };
}

const klassen = compare(
  "klassen",
  ["report", "klassen", "--school", bigSchool, "--wave", wave],
  [db, "school", bigSchool, wave],
  2,
);
const scholen = compare(
  "scholen",
  ["report", "scholen", "--bestuur", bigBestuur],
  [db, "bestuur", bigBestuur, wave],
  3,
);
const f = (x: number, d = 2) => x.toFixed(d);
const line = (r: typeof klassen) =>
  `zaz report ${r.name}: ${f(r.z.seconds)} s (CPU ${f(r.z.cpu)} s, piek-RSS ${f(r.z.rss, 0)} MiB) · handgeschreven SQL: ${f(r.b.seconds)} s (CPU ${f(r.b.cpu)} s, piek-RSS ${f(r.b.rss, 0)} MiB) · verhouding ${f(r.ratio)}× (CPU ${f(r.cpuRatio)}×), doel ≤ ${r.target}×`;
process.stdout.write(
  [
    `database: ${responses.toLocaleString("nl-NL")} antwoorden in ${bigSchool} (${bigWaves.join(", ")}) naast de voorbeeldgegevens; mediaan van ${runs} runs`,
    line(klassen),
    line(scholen),
    `piek-RSS van zaz report klassen: ${f(klassen.z.rss, 0)} MiB, doel ≤ 300 MB`,
    "",
  ].join("\n"),
);
