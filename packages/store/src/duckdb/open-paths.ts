/**
 * DuckDB's file lock is per process, so a second instance on the same file in this process would
 * not be refused, and two instances writing one file corrupt it. Every file the store opens, the
 * research database and the accounts file alike, is claimed here first.
 */
const openPaths = new Set<string>();

/** Claims an absolute path; the returned function gives it back. */
export function claimPath(location: string): () => void {
  if (openPaths.has(location))
    throw new Error(`${location} is already open in this process; share its Store`);
  openPaths.add(location);
  return () => openPaths.delete(location);
}

export function isPathOpen(location: string): boolean {
  return openPaths.has(location);
}
