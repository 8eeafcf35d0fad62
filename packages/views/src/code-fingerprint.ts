import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A fingerprint of the code that computes views: this package and the analysis, chart and store
 * packages it builds on. Views kept in the store carry it, so a view computed by an older version of
 * Zij aan Zij is never served after an update, even when the data did not change.
 */
let fingerprint: string | undefined;

export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256");
  const own = dirname(fileURLToPath(import.meta.url));
  const dirs = [own];
  for (const name of ["@zaz/survey", "@zaz/charts", "@zaz/store", "@zaz/model"]) {
    try {
      dirs.push(dirname(fileURLToPath(import.meta.resolve(name))));
    } catch {
      // not resolvable from here: its own version still differs with every build of this package
    }
  }
  for (const dir of dirs) addTree(hash, dir);
  fingerprint = hash.digest("hex").slice(0, 16);
  return fingerprint;
}

function addTree(hash: ReturnType<typeof createHash>, dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) addTree(hash, path);
    else if (/\.(js|ts|json)$/.test(entry) && !entry.endsWith(".map") && !entry.endsWith(".d.ts")) {
      hash.update(entry);
      hash.update(readFileSync(path));
    }
  }
}
