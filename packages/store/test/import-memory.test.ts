import { describe, expect, it } from "vitest";
import { openDuckDbStore, StoreError, storeMessages } from "../src/index.js";
import { generateResponses, newImport, onPostgres, tempDir } from "./helpers.js";

// DuckDB only: the import's memory limit is DuckDB's
describe.skipIf(onPostgres)("an import that does not fit in the import's memory", () => {
  it("is refused with a Dutch message saying what to do, and leaves nothing behind", async () => {
    const dir = await tempDir();
    try {
      // a limit far too small for 20,000 responses of 40 answers in one chunk
      const path = `${dir.path}/zaz.duckdb`;
      const store = await openDuckDbStore(path, { importMemoryLimit: "2MB" });
      try {
        const failed = store.importResponses(newImport("groot"), generateResponses(20_000, 40));
        await expect(failed).rejects.toThrow(StoreError);
        await expect(failed).rejects.toThrow(storeMessages.importOutOfMemory("groot.csv", "2MB"));
      } finally {
        await store.close().catch(() => undefined);
      }
      // nothing of it is stored, and the file opens and imports again
      const again = await openDuckDbStore(path);
      try {
        expect(await again.listImports()).toEqual([]);
        await again.importResponses(newImport("klein"), generateResponses(10, 4));
        expect((await again.listImports()).map((i) => i.id)).toEqual(["klein"]);
      } finally {
        await again.close();
      }
    } finally {
      await dir.remove();
    }
  });
});
