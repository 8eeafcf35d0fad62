// The baseline: DuckDB's own read_csv loading the same export into a table.
import { DuckDBInstance } from "@duckdb/node-api";

const [file, db] = process.argv.slice(2);
if (!file || !db) throw new Error("usage: duckdb-read-csv.ts FILE DB");
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
const path = file.replaceAll("'", "''");
await connection.run(
  `CREATE TABLE export AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`,
);
const count = await connection.runAndReadAll("SELECT count(*) AS n FROM export");
process.stdout.write(
  `${JSON.stringify(count.getRowObjects()[0], (_, v) => (typeof v === "bigint" ? Number(v) : v))}\n`,
);
connection.closeSync();
instance.closeSync();
