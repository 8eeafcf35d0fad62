import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export const pseudonymKeyBytes = 32;

export function pseudonymKeyPath(databasePath: string): string {
  return `${databasePath}.key`;
}

/**
 * The installation's pseudonym key, kept beside the database as <db>.key (mode 0600): created once
 * with 32 random bytes, read ever after. Losing it means new pseudonyms no longer match old ones,
 * so a damaged key is an error, never silently replaced.
 */
export async function loadOrCreateKey(databasePath: string): Promise<Buffer> {
  const path = pseudonymKeyPath(databasePath);
  await mkdir(dirname(path), { recursive: true });
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
