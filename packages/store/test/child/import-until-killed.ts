/**
 * Run by kill.test.ts in a child process: starts a large import and reports progress on stdout,
 * so the parent can SIGKILL it in the middle. Never finishes on its own within the test's patience.
 */
import type { SurveyResponse } from "@zaz/model";
import { openDuckDbStore } from "../../src/index.js";
import { generateResponses, newImport } from "../helpers.js";

const [path] = process.argv.slice(2);
if (path === undefined) throw new Error("usage: import-until-killed.ts DATABASE");

async function* responses(): AsyncGenerator<SurveyResponse> {
  let n = 0;
  for (const response of generateResponses(5_000_000, 10, { school: "KILLED" }, 1_000_000)) {
    // let the progress line reach the parent now and then
    if (++n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield response;
  }
}

const store = await openDuckDbStore(path);
process.stdout.write("opened\n");
await store.importResponses(newImport("killed", { rowsRead: 5_000_000 }), responses(), (n) => {
  process.stdout.write(`progress ${n}\n`);
});
process.stdout.write("finished\n");
