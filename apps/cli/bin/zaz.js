#!/usr/bin/env node
// The built CLI lives in dist/ (made by `npm run build`, which `npm ci` runs through the root's prepare).
import("../dist/bin.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin.js")) {
    process.stderr.write("zaz is nog niet gebouwd: voer eerst 'npm run build' uit in de hoofdmap.\n");
    process.exit(1);
  }
  throw error;
});
