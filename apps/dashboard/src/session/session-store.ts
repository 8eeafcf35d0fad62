/** A session's data as express-session keeps it: plain JSON. */
export type SessionRecord = Record<string, unknown>;

/**
 * Where server-side sessions live. Small on purpose, so a database-backed store (DuckDB,
 * PostgreSQL) is a few lines; `MemorySessionStore` serves tests and single-process demos.
 */
export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  /** stores or replaces; the store may forget the session after `expiresAt` (ms since epoch) */
  set(id: string, record: SessionRecord, expiresAt: number): Promise<void>;
  destroy(id: string): Promise<void>;
}
