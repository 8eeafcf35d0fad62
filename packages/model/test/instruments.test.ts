import { describe, expect, it } from "vitest";
import { loadInstrument, readInstrumentData } from "./seeds.js";

const ids = ["ouderpopulatie", "opleidingsouders", "observatie"] as const;

describe.each(ids)("default instrument %s", (id) => {
  const instrument = loadInstrument(id);

  it("is valid, has its file name as id and points at the published JSON Schema", () => {
    expect(instrument.id).toBe(id);
    // opleidingsouders 2.0: open questions without a score (seed 003 §4); 1.0 had a four-point scale
    if (id === "opleidingsouders") expect(instrument.version).toBe("2.0");
    else expect(instrument.version).toBe("1.0");
    expect(readInstrumentData(id).$schema).toBe("../../schema/instrument.schema.json");
  });

  it("measures every construct with items, and every item's construct exists", () => {
    const constructIds = instrument.constructs.map((c) => c.id);
    for (const item of instrument.items) for (const c of item.constructs) expect(constructIds).toContain(c);
    for (const c of instrument.constructs) {
      const items = instrument.items.filter((i) => i.constructs.includes(c.id));
      expect(items.length, c.id).toBeGreaterThanOrEqual(c.minValid);
    }
  });

  it("gives every scored or choice item a scale, and every text item no scale", () => {
    for (const item of instrument.items) {
      if (item.type === "text" || item.type === "number") expect(item.scale, item.id).toBeUndefined();
      else
        expect(
          instrument.scales.map((s) => s.id),
          item.id,
        ).toContain(item.scale);
    }
  });
});
