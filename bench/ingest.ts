/**
 * npm run bench:ingest [-- --responses N]
 *
 * Generates an ouderpopulatie export of N responses (default 200,000, about 100 MB) and times
 * `zaz ingest` against DuckDB's own read_csv loading the same file, in the same run, each in a
 * fresh process; prints both times, their ratio and each process's peak RSS.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = join(import.meta.dirname, "..");
const out = join(root, "bench", "out");
const { values } = parseArgs({ options: { responses: { type: "string", default: "200000" } } });
const n = Number(values.responses);
mkdirSync(out, { recursive: true });
const file = join(out, `ouderpopulatie-${n}.csv`);

/** Runs a command in a fresh process (a script file runs by its own #! line, as `npx zaz` does). */
function run(
  label: string,
  command: string,
  args: string[],
): { seconds: number; rssMiB: number; stdout: string } {
  const rssFile = join(out, `${label}.rss`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd: root,
    env: {
      ...process.env,
      ZAZ_RSS_FILE: rssFile,
      NO_COLOR: "1",
      NODE_OPTIONS: `--import=${join(root, "bench", "rss-reporter.mjs")}`,
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}):\n${r.stderr}`);
  const rssMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
  return { seconds, rssMiB, stdout: r.stdout };
}

if (!existsSync(file)) {
  process.stderr.write(`genereren: ${n} antwoorden → ${file}\n`);
  const g = spawnSync(
    process.execPath,
    [
      "--conditions=zaz-source",
      "--import",
      "tsx",
      "scripts/generate-voorbeeld.ts",
      "--responses",
      String(n),
      "--out",
      file,
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (g.status !== 0) throw new Error("generating the export failed");
}
const sizeMiB = statSync(file).size / 1024 / 1024;

const zazDb = join(out, "zaz.duckdb");
const baseDb = join(out, "read-csv.duckdb");
for (const f of [zazDb, `${zazDb}.wal`, `${zazDb}.key`, baseDb, `${baseDb}.wal`]) rmSync(f, { force: true });

const zaz = run("zaz", join(root, "apps", "cli", "bin", "zaz.js"), [
  "ingest",
  file,
  "--instrument",
  "ouderpopulatie",
  "--school",
  "Benchmarkschool",
  "--wave",
  "2026-voorjaar",
  "--db",
  zazDb,
  "--json",
]);
const summary = JSON.parse(zaz.stdout) as { responsesAdded: number; answers: number };
const base = run("read-csv", process.execPath, [
  "--import",
  "tsx",
  join(root, "bench", "duckdb-read-csv.ts"),
  file,
  baseDb,
]);

const fmt = (x: number, d = 1) => x.toFixed(d);
process.stdout.write(
  [
    `export: ${n.toLocaleString("nl-NL")} antwoorden, ${fmt(sizeMiB)} MiB`,
    `zaz ingest:         ${fmt(zaz.seconds)} s, piek-RSS ${fmt(zaz.rssMiB, 0)} MiB (${summary.responsesAdded} formulieren, ${summary.answers} antwoorden, gevalideerd en in lang formaat)`,
    `DuckDB read_csv:    ${fmt(base.seconds)} s, piek-RSS ${fmt(base.rssMiB, 0)} MiB (ruwe tabel, alles als tekst)`,
    `verhouding:         zaz ingest is ${fmt(zaz.seconds / base.seconds)}× de tijd van read_csv`,
    "",
  ].join("\n"),
);
