/**
 * npm run bench:ingest [-- --responses N]
 *
 * Generates an ouderpopulatie export of N responses (default 200,000, about 100 MB) and times
 * `zaz ingest` and `zaz validate` against DuckDB's own read_csv loading the same file, in the same
 * run, each in a fresh process; prints the times, their ratios to read_csv, each process's peak RSS
 * and which import path ran (the DuckDB fast path, or the streaming reader).
 */
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateExport, measureProcess, root } from "./measure.js";

const out = join(root, "bench", "out");
const { values } = parseArgs({ options: { responses: { type: "string", default: "200000" } } });
const n = Number(values.responses);
mkdirSync(out, { recursive: true });
const file = join(out, `ouderpopulatie-${n}.csv`);

if (!existsSync(file)) {
  process.stderr.write(`genereren: ${n} antwoorden → ${file}\n`);
  generateExport(n, file);
}
const sizeMiB = statSync(file).size / 1024 / 1024;

const zazDb = join(out, "zaz.duckdb");
const baseDb = join(out, "read-csv.duckdb");
for (const f of [zazDb, `${zazDb}.wal`, `${zazDb}.key`, baseDb, `${baseDb}.wal`]) rmSync(f, { force: true });

const zazBin = join(root, "apps", "cli", "bin", "zaz.js");
const context = ["--instrument", "ouderpopulatie", "--school", "Benchmarkschool", "--wave", "2026-voorjaar"];
const base = measureProcess("read-csv", process.execPath, [
  "--import",
  "tsx",
  join(root, "bench", "duckdb-read-csv.ts"),
  file,
  baseDb,
]);
const zaz = measureProcess("zaz", zazBin, [
  "ingest",
  file,
  ...context,
  "--nieuwe-school",
  "--db",
  zazDb,
  "--json",
]);
const summary = JSON.parse(zaz.stdout) as { responsesAdded: number; answers: number; path?: string };
const validate = measureProcess("zaz validate", zazBin, ["validate", file, ...context, "--json"]);
const checked = JSON.parse(validate.stdout) as { path?: string };

const fmt = (x: number, d = 1) => x.toFixed(d);
process.stdout.write(
  [
    `export: ${n.toLocaleString("nl-NL")} antwoorden, ${fmt(sizeMiB)} MiB`,
    `DuckDB read_csv:    ${fmt(base.wallMs / 1000)} s, piek-RSS ${fmt(base.rssMiB, 0)} MiB (ruwe tabel, alles als tekst)`,
    `zaz ingest:         ${fmt(zaz.wallMs / 1000)} s, piek-RSS ${fmt(zaz.rssMiB, 0)} MiB (${summary.responsesAdded} formulieren, ${summary.answers} antwoorden, gevalideerd en in lang formaat; pad ${summary.path ?? "?"})`,
    `zaz validate:       ${fmt(validate.wallMs / 1000)} s, piek-RSS ${fmt(validate.rssMiB, 0)} MiB (pad ${checked.path ?? "?"})`,
    `verhouding:         zaz ingest is ${fmt(zaz.wallMs / base.wallMs)}× de tijd van read_csv, zaz validate ${fmt(validate.wallMs / base.wallMs)}×`,
    "",
  ].join("\n"),
);
