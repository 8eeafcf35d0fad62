#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=4 --max-old-space-size=384
// The flags keep a large import small: V8 otherwise lets its heap grow while nothing presses it,
// and every DuckDB worker thread gets its own malloc arena (measured on 1,000,000 responses:
// peak RSS 320 MiB without, about 250 MiB with). The built CLI lives in dist/ (made by
// `npm run build`, which `npm ci` runs through the root's prepare script).
import("../dist/bin.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin.js")) {
    process.stderr.write("zaz is nog niet gebouwd: voer eerst 'npm run build' uit in de hoofdmap.\n");
    process.exit(1);
  }
  throw error;
});
