import { DashboardStartError, openForDashboard, startErrorMessage } from "@zaz/dashboard";
import { openDuckDbStore, StoreError, storeMessages } from "@zaz/store";
import { describe, expect, it } from "vitest";

describe("a database the dashboard cannot start with", () => {
  it("keeps the store's Dutch message for a locked database", () => {
    const locked = new StoreError(storeMessages.databaseLocked("/data/zaz.duckdb"));
    expect(startErrorMessage(locked, "/data/zaz.duckdb")).toBe(
      storeMessages.databaseLocked("/data/zaz.duckdb"),
    );
  });

  it("says so in Dutch for a read-only or missing database, and for anything else without a stack", () => {
    const readOnly = new Error('IO Error: Cannot open file "/x.duckdb": Read-only file system');
    expect(startErrorMessage(readOnly, "/x.duckdb")).toContain("kan niet worden geschreven");
    const missing = Object.assign(new Error("ENOENT: no such file or directory"), { code: "ENOENT" });
    expect(startErrorMessage(missing, "/x.duckdb")).toContain("bestaat niet");
    const other = new Error("IO Error: something odd\n    at open (duckdb.js:1)");
    expect(startErrorMessage(other, "/x.duckdb")).toBe(
      "De database /x.duckdb kan niet worden geopend: something odd",
    );
  });

  it("turns a real failure to open into a DashboardStartError", async () => {
    // /sys refuses new files even to root; /proc has no such file
    const denied = openForDashboard("/sys/zaz-test.duckdb", openDuckDbStore);
    await expect(denied).rejects.toBeInstanceOf(DashboardStartError);
    // the store says it (storeMessages.databaseNoAccess), for zaz and the dashboard alike
    await expect(denied).rejects.toThrow(/geen toegang/);
    await expect(openForDashboard("/proc/zaz-test.duckdb", openDuckDbStore)).rejects.toThrow(/bestaat niet/);
  });
});
