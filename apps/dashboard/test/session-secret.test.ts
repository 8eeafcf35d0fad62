import { describe, expect, it } from "vitest";
import { sessionSecretFor } from "../src/session-secret.js";

describe("sessionSecretFor", () => {
  const given = "x".repeat(40);

  it("takes ZAZ_SESSION_SECRET on either store", () => {
    expect(sessionSecretFor({ ZAZ_SESSION_SECRET: given }, "duckdb")).toMatchObject({
      ok: true,
      value: given,
    });
    expect(sessionSecretFor({ ZAZ_SESSION_SECRET: given }, "postgres")).toMatchObject({
      ok: true,
      value: given,
    });
  });

  it("makes one per start on DuckDB, where the dashboard is the only process", () => {
    expect(sessionSecretFor({}, "duckdb", () => "made-here")).toMatchObject({ ok: true, value: "made-here" });
  });

  it("refuses on PostgreSQL without one, in Dutch, with how to make one", () => {
    for (const env of [{}, { ZAZ_SESSION_SECRET: "" }]) {
      const result = sessionSecretFor(env, "postgres", () => "never");
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors[0]?.message).toContain("ZAZ_SESSION_SECRET ontbreekt");
      expect(result.errors[0]?.column).toBe("ZAZ_SESSION_SECRET");
      expect(result.errors[0]?.hint).toContain("randomBytes(32)");
    }
  });
});
