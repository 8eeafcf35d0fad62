import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";

/**
 * A DuckDB file is held by one process. While the dashboard holds one, it writes `<file>.dashboard`
 * with its URL and process id, so a `zaz` command that finds the file locked can say that the
 * dashboard holds it and where its upload page is. A marker whose process is gone (killed, crashed)
 * is ignored.
 */
export interface DashboardMarker {
  url: string;
  pid: number;
}

export function dashboardMarkerPath(databasePath: string): string {
  return `${databasePath}.dashboard`;
}

/** Writes the marker (readable by the owner only); returns a function that removes it. */
export async function writeDashboardMarker(databasePath: string, url: string): Promise<() => Promise<void>> {
  const path = dashboardMarkerPath(databasePath);
  const marker: DashboardMarker = { url, pid: process.pid };
  await writeFile(path, `${JSON.stringify(marker)}\n`, { mode: 0o600 });
  return () => rm(path, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is someone else's
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The dashboard holding `databasePath`, when a marker names a process that still runs. */
export function readDashboardMarker(databasePath: string): DashboardMarker | undefined {
  let text: string;
  try {
    text = readFileSync(dashboardMarkerPath(databasePath), "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { url, pid } = parsed as Record<string, unknown>;
    if (typeof url !== "string" || typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0)
      return undefined;
    return alive(pid) ? { url, pid } : undefined;
  } catch {
    return undefined;
  }
}
