import { describe, expect, it } from "vitest";
import { atLeast, atMost, megabytes } from "../src/duckdb/memory-size.js";

describe("DuckDB memory sizes", () => {
  it("reads DuckDB's units in megabytes of 10^6 bytes", () => {
    expect(megabytes("96MB")).toBe(96);
    expect(megabytes("91.5 MiB")).toBeCloseTo(95.94, 2);
    expect(megabytes("1.5GB")).toBe(1500);
    expect(megabytes("veel")).toBeUndefined();
  });

  it("raises a limit to at least a floor, and lowers it to at most a ceiling", () => {
    expect(atLeast("96MB", 112)).toBe("112MB");
    expect(atLeast("256MB", 112)).toBe("256MB");
    expect(atMost("96MB", 80)).toBe("80MB");
    // a smaller limit (a test's, or a small machine's) is kept
    expect(atMost("2MB", 80)).toBe("2MB");
    expect(atMost("64MiB", 80)).toBe("64MiB");
    // an unreadable size is left for DuckDB to reject with its own message
    expect(atMost("veel", 80)).toBe("veel");
  });
});
