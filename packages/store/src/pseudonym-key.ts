import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export const pseudonymKeyBytes = 32;

/**
 * Where the key of a database is kept: beside a DuckDB file as <db>.key. A PostgreSQL database has no
 * file beside it, and the key must not be in the database (whoever reads the data must not be able
 * to reverse pseudonyms): ZAZ_KEY_FILE, else ~/.config/zaz/<host>-<port>-<dbname>.key.
 */
export function pseudonymKeyPath(target: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!isPostgresUrl(target)) return `${target}.key`;
  const fromEnv = env.ZAZ_KEY_FILE;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const url = new URL(target);
  const host = url.hostname === "" ? "localhost" : url.hostname;
  const port = url.port === "" ? "5432" : url.port;
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, "_");
  return join(homedir(), ".config", "zaz", `${safe(host)}-${safe(port)}-${safe(database)}.key`);
}

/**
 * The installation's pseudonym key, kept at pseudonymKeyPath (mode 0600): created once
 * with 32 random bytes, read ever after. Losing it means new pseudonyms no longer match old ones,
 * so a damaged key is an error, never silently replaced.
 */
export async function loadOrCreateKey(databasePath: string): Promise<Buffer> {
  const path = pseudonymKeyPath(databasePath);
  // a folder made for a PostgreSQL database's key (~/.config/zaz) is its owner's alone
  await mkdir(dirname(path), { recursive: true, ...(isPostgresUrl(databasePath) ? { mode: 0o700 } : {}) });
  const candidate = randomBytes(pseudonymKeyBytes);
  // Written complete under a private name first, then linked into place: link() fails when the key
  // exists, so two processes starting at once agree on one key and nobody reads a half-written one.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, candidate, { mode: 0o600, flush: true });
  try {
    await link(temporary, path);
    return candidate;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const key = await readFile(path);
  if (key.length !== pseudonymKeyBytes) {
    throw new Error(`Pseudonym key ${path} holds ${key.length} bytes, expected ${pseudonymKeyBytes}`);
  }
  return key;
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EEXIST";
}

/** as open-store.ts's isPostgresTarget (not imported: that module loads both databases' code) */
function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
