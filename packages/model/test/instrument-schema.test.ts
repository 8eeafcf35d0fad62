import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { instrumentJsonSchema, parseInstrument, parseInstrumentText } from "@zaz/model";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { readInstrumentData, repoRoot } from "./seeds.js";

const schemaFile = resolve(repoRoot, "schema/instrument.schema.json");

describe("published JSON Schema", () => {
  it("equals instrumentJsonSchema(); regenerate with npx tsx packages/model/scripts/write-json-schema.ts", () => {
    const committed: unknown = JSON.parse(readFileSync(schemaFile, "utf8"));
    expect(committed).toEqual(instrumentJsonSchema());
  });

  it("matches the snapshot", () => {
    expect(instrumentJsonSchema()).toMatchSnapshot();
  });

  it("accepts the three default instruments and rejects an unknown field", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(instrumentJsonSchema());
    for (const id of ["ouderpopulatie", "opleidingsouders", "observatie"]) {
      expect(validate(readInstrumentData(id)), `${id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const broken = { ...readInstrumentData("opleidingsouders"), titel: "typefout" };
    expect(validate(broken)).toBe(false);
  });
});

describe("a broken instrument file", () => {
  const file = "data/instrumenten/kopie.json";

  it("with items[4].scale pointing to a missing scale gives exactly one precise problem", () => {
    const data = readInstrumentData("ouderpopulatie");
    const items = data.items as Record<string, unknown>[];
    items[4] = { ...items[4], scale: "eens7" };
    const result = parseInstrument(data, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [problem] = result.errors;
    expect(problem).toMatchObject({ file, path: "items[4].scale", value: "eens7" });
    expect(problem?.message).toMatch(/^items\[4\]\.scale: antwoordschaal "eens7" bestaat niet/);
    expect(problem?.expected).toContain("eens5");
  });

  it("with a misspelt item type names the field and the allowed values", () => {
    const data = readInstrumentData("observatie");
    const items = data.items as Record<string, unknown>[];
    items[2] = { ...items[2], type: "schaal" };
    const result = parseInstrument(data, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        file,
        path: "items[2].type",
        value: "schaal",
        expected: expect.stringContaining("scale"),
      }),
    ]);
  });

  it("that is not JSON says so, with the file", () => {
    const result = parseInstrumentText('{"id": "x",', file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ code: "instrument-invalid-json", file })]);
  });
});
