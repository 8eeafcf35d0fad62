/**
 * The benchmark's yardstick: the query a researcher would write by hand against the stored long
 * tables to get the scale means per groep (or per school) and construct, with the same scoring as
 * the product (reverse-coded items flipped, missing values left out, at least minValid valid items).
 * DuckDB with its default settings (all memory it wants, all cores).
 *   node --import tsx bench/hand-query.ts DATABASE school|bestuur NAME WAVE
 * prints the rows as JSON; bench/reports.ts runs it so, in a fresh process of its own, to time it.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

/** One scale mean: of groep (or school) `g` and `construct`, over `n` responses. */
export interface HandMean {
  g: string;
  construct: string;
  mean: number;
  n: number;
}

interface Definition {
  scales: { id: string; labels: { code: number }[] }[];
  constructs: { id: string; minValid: number }[];
  items: { id: string; type: string; scale?: string; reverse?: boolean; constructs?: string[] }[];
}

function handSql(level: "school" | "bestuur"): string {
  const instrument = JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "data", "instrumenten", "ouderpopulatie.json"), "utf8"),
  ) as Definition;
  const rows = instrument.items.flatMap((item) => {
    const scale = instrument.scales.find((s) => s.id === item.scale);
    if (item.type !== "scale" || scale === undefined) return [];
    const codes = scale.labels.map((l) => l.code);
    const flip = Math.min(...codes) + Math.max(...codes);
    return (item.constructs ?? []).map((c) => `('${item.id}', '${c}', ${item.reverse === true}, ${flip})`);
  });
  const minValid = instrument.constructs.map((c) => `('${c.id}', ${c.minValid})`);
  const group = level === "school" ? "groep" : "school";
  return `
WITH scope AS (
  SELECT response_id AS id FROM response_context WHERE dimension = '${level}' AND value = $1
  INTERSECT
  SELECT response_id FROM response_context WHERE dimension = 'wave' AND value = $2
),
grp AS (SELECT response_id, value AS g FROM response_context WHERE dimension = '${group}' AND response_id IN (SELECT id FROM scope)),
items(item, construct, reverse, flip) AS (VALUES ${rows.join(", ")}),
minimum(construct, valid) AS (VALUES ${minValid.join(", ")}),
scores AS (
  SELECT a.response_id, i.construct, avg(CASE WHEN i.reverse THEN i.flip - a.code ELSE a.code END) AS score, count(*) AS valid
  FROM answers a JOIN items i ON i.item = a.item
  WHERE a.missing IS NULL AND a.code IS NOT NULL AND a.response_id IN (SELECT id FROM scope)
  GROUP BY a.response_id, i.construct
)
SELECT grp.g, s.construct, avg(s.score) AS mean, count(*) AS n
FROM scores s JOIN minimum m USING (construct) JOIN grp USING (response_id)
WHERE s.valid >= m.valid
GROUP BY grp.g, s.construct ORDER BY 1, 2`;
}

/**
 * The scale means per groep (level "school") or per school (level "bestuur") and construct of
 * school or board `name` in `wave`, computed by hand from the database file `db` (opened read-only).
 */
export async function handMeans(
  db: string,
  level: "school" | "bestuur",
  name: string,
  wave: string,
): Promise<HandMean[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  try {
    const connection = await instance.connect();
    try {
      const result = await connection.runAndReadAll(handSql(level), [name, wave]);
      return result
        .getRowObjectsJS()
        .map(
          (row) =>
            Object.fromEntries(
              Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
            ) as unknown as HandMean,
        );
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

const executed = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (executed) {
  const [db, level, name, wave] = process.argv.slice(2);
  if (
    db === undefined ||
    (level !== "school" && level !== "bestuur") ||
    name === undefined ||
    wave === undefined
  )
    throw new Error("gebruik: hand-query.ts DATABASE school|bestuur NAAM METING");
  process.stdout.write(`${JSON.stringify(await handMeans(db, level, name, wave))}\n`);
}
