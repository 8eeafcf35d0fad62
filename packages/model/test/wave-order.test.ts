import { describe, expect, it } from "vitest";
import { compareWaveCodes, previousWave, sortWaves, waveName, waveTime } from "../src/index.js";

describe("wave order", () => {
  it("orders seasons in time, not alphabetically", () => {
    expect(sortWaves(["2026-najaar", "2025-najaar", "2026-voorjaar"])).toEqual([
      "2025-najaar",
      "2026-voorjaar",
      "2026-najaar",
    ]);
    expect(previousWave(["2026-najaar", "2025-najaar", "2026-voorjaar"], "2026-najaar")).toBe(
      "2026-voorjaar",
    );
    expect(previousWave(["2026-najaar", "2025-najaar", "2026-voorjaar"], "2025-najaar")).toBeNull();
    expect(previousWave(["2025-najaar"], "2024-najaar")).toBeNull();
  });

  it("reads school years, months, English seasons and reversed codes", () => {
    expect(waveTime("2025-2026-najaar")).toEqual({ year: 2025, month: 10 });
    expect(waveTime("2025/2026 voorjaar")).toEqual({ year: 2026, month: 4 });
    expect(waveTime("2026-03")).toEqual({ year: 2026, month: 3 });
    expect(waveTime("Najaar 2025")).toEqual({ year: 2025, month: 10 });
    expect(waveTime("2025-autumn")).toEqual({ year: 2025, month: 10 });
    expect(waveTime("meting 3")).toBeNull();
    expect(sortWaves(["2026-05", "2025-2026-najaar", "2026-winter", "2025"])).toEqual([
      "2025",
      "2025-2026-najaar",
      "2026-winter",
      "2026-05",
    ]);
  });

  it("puts codes of unknown form after the known ones, in natural order", () => {
    expect(sortWaves(["meting 10", "2025-najaar", "meting 2"])).toEqual([
      "2025-najaar",
      "meting 2",
      "meting 10",
    ]);
    expect(compareWaveCodes("2025-najaar", "2025-najaar")).toBe(0);
  });

  it("names a wave as it reads in a sentence", () => {
    expect(waveName("2025-najaar")).toBe("najaar 2025");
    expect(waveName("2026-lente")).toBe("voorjaar 2026");
    expect(waveName("meting 3")).toBe("meting 3");
  });
});
