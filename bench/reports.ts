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
import { join } from "node:path";
import { parseArgs } from "node:util";
import { slugify } from "@zaz/model";
import { bigBestuur, bigDatabase, bigSchool, bigWaves, out, root, zazBin } from "./big-database.js";
import { type Measured, measureProcess, median } from "./measure.js";

const { values } = parseArgs({
  options: { responses: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" } },
});
const responses = Number(values.responses);
const runs = Number(values.runs);
const db = await bigDatabase(responses);
const wave = bigWaves[1];

const tsx = [process.execPath, "--import", "tsx", join(root, "bench", "hand-query.ts")];

function compare(name: string, report: string[], hand: string[], target: number) {
  const zaz: Measured[] = [];
  const base: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(measureProcess(`${name}-hand`, tsx[0]!, [...tsx.slice(1), ...hand]));
    zaz.push(
      measureProcess(`${name}-zaz`, zazBin, [
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
  // medians, in seconds and MiB
  const medians = (ms: Measured[]) => ({
    seconds: median(ms.map((m) => m.wallMs)) / 1000,
    cpu: median(ms.map((m) => m.cpuMs)) / 1000,
    rss: median(ms.map((m) => m.rssMiB)),
  });
  const z = medians(zaz);
  const b = medians(base);
  return { name, z, b, ratio: z.seconds / b.seconds, cpuRatio: z.cpu / b.cpu, target };
}

const klassen = compare(
  "klassen",
  ["report", "klassen", "--school", bigSchool, "--wave", wave],
  // the store keeps registry ids: the slugs of these names, registered on their first import
  [db, "school", slugify(bigSchool), wave],
  2,
);
const scholen = compare(
  "scholen",
  ["report", "scholen", "--bestuur", bigBestuur],
  [db, "bestuur", slugify(bigBestuur), wave],
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
