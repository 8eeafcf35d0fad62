import { randomBytes } from "node:crypto";
import { link, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { isNoAccess, makeFolderFor } from "./database-folder.js";
import { StoreError, storeMessages } from "./messages.js";

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
  // an existing key is read, also where nothing may be written (a shared, read-only folder)
  const existing = await readKey(path);
  if (existing !== undefined) return existing;
  // a folder made for a PostgreSQL database's key (~/.config/zaz) is its owner's alone
  await makeFolderFor(path, isPostgresUrl(databasePath) ? 0o700 : undefined);
  const candidate = randomBytes(pseudonymKeyBytes);
  // Written complete under a private name first, then linked into place: link() fails when the key
  // exists, so two processes starting at once agree on one key and nobody reads a half-written one.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, candidate, { mode: 0o600, flush: true });
  } catch (error) {
    if (!isNoAccess(error)) throw error;
    throw new StoreError(storeMessages.folderNoAccess(path), { cause: error });
  }
  try {
    await link(temporary, path);
    return candidate;
  } catch (error) {
    if (!hasCode(error, "EEXIST")) throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  // another process linked its key first: that one holds (removed meanwhile: start again)
  return (await readKey(path)) ?? loadOrCreateKey(databasePath);
}

/** the key at `path`, undefined when there is none; a key of the wrong size is an error */
async function readKey(path: string): Promise<Buffer | undefined> {
  let key: Buffer;
  try {
    key = await readFile(path);
  } catch (error) {
    if (hasCode(error, "ENOENT") || hasCode(error, "ENOTDIR")) return undefined;
    throw error;
  }
  if (key.length !== pseudonymKeyBytes)
    throw new StoreError(storeMessages.keyDamaged(path, key.length, pseudonymKeyBytes));
  return key;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}

/** as open-store.ts's isPostgresTarget (not imported: that module loads both databases' code) */
function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
