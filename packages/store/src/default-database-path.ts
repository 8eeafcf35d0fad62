import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const databaseEnvVariable = "ZAZ_DB";
const defaultFileName = join("data", "zijaanzij.duckdb");

/** ZAZ_DB (a file path made absolute, or a postgres:// URL as it is), or <repo root>/data/zijaanzij.duckdb. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[databaseEnvVariable];
  // open-store.ts's isPostgresTarget, not imported: that module loads both stores
  if (fromEnv !== undefined && /^postgres(ql)?:\/\//i.test(fromEnv.trim())) return fromEnv.trim();
  if (fromEnv !== undefined && fromEnv.trim() !== "") return resolve(fromEnv);
  return join(findRepoRoot(dirname(fileURLToPath(import.meta.url))), defaultFileName);
}

/**
 * The nearest ancestor whose package.json declares workspaces. Searching from this module's own
 * location (not the working directory) makes it work from src and from dist alike.
 */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && declaresWorkspaces(manifest)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No workspace root (package.json with "workspaces") above ${start}`);
    dir = parent;
  }
}

function declaresWorkspaces(manifest: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
    return typeof parsed === "object" && parsed !== null && "workspaces" in parsed;
  } catch {
    return false;
  }
}
