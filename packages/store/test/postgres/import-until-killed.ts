/**
 * Run by kill.test.ts of this folder in a child process: starts a large import into the PostgreSQL
 * database at the given URL and reports progress on stdout, so the parent can SIGKILL it half-way.
 */
import type { SurveyResponse } from "@zaz/model";
import { openStore } from "../../src/index.js";
import { generateResponses, newImport } from "../helpers.js";

const [url] = process.argv.slice(2);
if (url === undefined) throw new Error("usage: import-until-killed.ts DATABASE-URL");

async function* responses(): AsyncGenerator<SurveyResponse> {
  let n = 0;
  for (const response of generateResponses(5_000_000, 10, { school: "KILLED" }, 1_000_000)) {
    // let the progress line reach the parent now and then
    if (++n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield response;
  }
}

const store = await openStore(url);
process.stdout.write("opened\n");
await store.importResponses(newImport("killed", { rowsRead: 5_000_000 }), responses(), (n) => {
  process.stdout.write(`progress ${n}\n`);
});
process.stdout.write("finished\n");
