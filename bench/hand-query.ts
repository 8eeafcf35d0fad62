/**
 * The benchmark's yardstick: the query a researcher would write by hand against the stored long
 * tables to get the scale means per groep (or per school) and construct, with the same scoring as
 * the product (reverse-coded items flipped, missing values left out, at least minValid valid items).
 * DuckDB with its default settings (all memory it wants, all cores).
 *   node --import tsx bench/hand-query.ts DATABASE school|bestuur NAME WAVE
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

const [db, level, name, wave] = process.argv.slice(2);
if (
  db === undefined ||
  (level !== "school" && level !== "bestuur") ||
  name === undefined ||
  wave === undefined
)
  throw new Error("gebruik: hand-query.ts DATABASE school|bestuur NAAM METING");

interface Definition {
  scales: { id: string; labels: { code: number }[] }[];
  constructs: { id: string; minValid: number }[];
  items: { id: string; type: string; scale?: string; reverse?: boolean; constructs?: string[] }[];
}
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
const sql = `
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
const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
const connection = await instance.connect();
const result = await connection.runAndReadAll(sql, [name, wave]);
process.stdout.write(
  `${JSON.stringify(result.getRowObjectsJS(), (_, v) => (typeof v === "bigint" ? Number(v) : v))}\n`,
);
connection.closeSync();
instance.closeSync();
