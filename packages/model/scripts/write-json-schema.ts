/**
 * Writes schema/instrument.schema.json from the zod schema, so editors can validate instrument
 * files ("$schema": "../../schema/instrument.schema.json"). Run after changing the schema:
 *   npx tsx packages/model/scripts/write-json-schema.ts
 * A test fails while the committed file differs from instrumentJsonSchema().
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { instrumentJsonSchema } from "../src/index.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const target = resolve(repoRoot, "schema/instrument.schema.json");
writeFileSync(target, `${JSON.stringify(instrumentJsonSchema(), null, 2)}\n`, "utf8");
console.log(`geschreven: ${target}`);
