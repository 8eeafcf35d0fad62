/** Run by lock.test.ts in a child process: tries to open the store and prints what happened. */
import { openDuckDbStore, StoreError } from "../../src/index.js";

const [path] = process.argv.slice(2);
if (path === undefined) throw new Error("usage: open-store.ts DATABASE");
try {
  const store = await openDuckDbStore(path);
  await store.close();
  process.stdout.write("opened\n");
} catch (error) {
  process.stdout.write(
    error instanceof StoreError ? `StoreError: ${error.message}\n` : `other: ${String(error)}\n`,
  );
}
