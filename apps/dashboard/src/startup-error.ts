import { startMessages } from "./messages.js";

/**
 * A database the dashboard cannot start with, said in Dutch and without a stack trace: what
 * `npm start` (or any caller of `openForDashboard`) prints before it exits with code 1.
 */
export class DashboardStartError extends Error {
  override readonly name = "DashboardStartError";
}

/**
 * The Dutch message for why a database could not be opened. The store's own failures (a
 * database locked by another program, a schema too new) already say it in Dutch and are kept;
 * the operating system's (read-only, missing) are recognised in DuckDB's and Node's messages.
 */
export function startErrorMessage(error: unknown, path: string): string {
  if (!(error instanceof Error)) return startMessages.cannotOpen(path, String(error));
  if (error.name === "StoreError") return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const text = error.message;
  if (code === "EROFS" || code === "EACCES" || code === "EPERM" || /read-only|permission denied/i.test(text))
    return startMessages.readOnly(path);
  if (code === "ENOENT" || code === "ENOTDIR" || /no such file|not a directory/i.test(text))
    return startMessages.missing(path);
  // DuckDB's messages start with their kind ("IO Error: "); the first line is the useful part
  const detail = (text.split("\n")[0] ?? text).replace(/^[A-Za-z ]*Error: /, "");
  return startMessages.cannotOpen(path, detail);
}

/** Opens a database for the dashboard; any failure becomes a DashboardStartError. */
export async function openForDashboard<T>(path: string, open: (path: string) => Promise<T>): Promise<T> {
  try {
    return await open(path);
  } catch (error) {
    throw new DashboardStartError(startErrorMessage(error, path), { cause: error });
  }
}
