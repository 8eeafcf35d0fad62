import {
  convertRow,
  distinctConversion,
  distinctConversionBlocker,
  ProblemCollector,
  planIngest,
  proposeMapping,
  respondentKey,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { testInstrument } from "./fixtures.js";

const key = new Uint8Array(32).fill(7);
const header = [
  "Tijdstempel",
  "E-mailadres",
  "Groep",
  "Ik voel me welkom op school.",
  "Welke talen spreekt u thuis?",
  "Hoeveel kinderen heeft u op school?",
  "Heeft u een tip voor de school?",
];
const roles = ["timestamp", "email", undefined, undefined, undefined, undefined, undefined] as const;

function plan() {
  const instrument = testInstrument();
  const columns = proposeMapping(header, instrument, roles);
  const planned = planIngest({
    file: "export.csv",
    instrument,
    columns,
    context: { school: "De Regenboog", wave: "2026-najaar" },
    pseudonymKey: key,
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return planned.value;
}

const row = (tip: string) => [
  "23-11-2026 14:03:22",
  "ouder@example.nl",
  "Groep 5",
  "mee eens",
  "Nederlands, Arabisch",
  "2",
  tip,
];

function keyOf(fields: string[]): string | undefined {
  return convertRow(plan(), { row: 2, fields }, new ProblemCollector())?.key;
}

describe("the response key (contract C2)", () => {
  it("is the same whatever the line endings inside a quoted answer (CRLF, CR or LF)", () => {
    const lf = keyOf(row("Meer uitjes.\nEn een schoolkrant."));
    expect(lf).toMatch(/^row:[0-9a-f]{32}$/);
    expect(keyOf(row("Meer uitjes.\r\nEn een schoolkrant."))).toBe(lf);
    expect(keyOf(row("Meer uitjes.\rEn een schoolkrant."))).toBe(lf);
    // still a key of the content: another answer is another response
    expect(keyOf(row("Meer uitjes. En een schoolkrant."))).not.toBe(lf);
  });

  it("ignores spaces around a field, as before", () => {
    expect(keyOf(row("  Meer uitjes.\u00a0"))).toBe(keyOf(row("Meer uitjes.")));
  });
});

describe("the conversion per distinct value (fast path)", () => {
  it("gives for one cell what convertRow gives for it in a row", () => {
    const p = plan();
    const conversion = distinctConversion(p);
    const whole = convertRow(p, { row: 2, fields: row("") }, new ProblemCollector());
    const position = p.items.findIndex((c) => c.item.type === "multiple");
    const cell = conversion.cell(position, "Nederlands, Arabisch", true);
    const item = p.items[position]?.item.id;
    expect(cell).toEqual(whole?.answers.filter((a) => a.item === item));
  });

  it("reports a value with a problem as undefined, so the import takes the streaming path", () => {
    const p = plan();
    const position = p.items.findIndex((c) => c.item.type === "number");
    expect(distinctConversion(p).cell(position, "veel", true)).toBeUndefined();
    expect(distinctConversion(p).context(["Groep 12"])).toBeUndefined();
  });

  it("converts a value with a warning, and gives its warning once per record it is handed", () => {
    const p = plan();
    const conversion = distinctConversion(p);
    const position = p.items.findIndex((c) => c.item.type === "text");
    const whole = new ProblemCollector();
    convertRow(p, { row: 4, fields: row("=SOM(A1:A3)") }, whole);
    expect(conversion.cell(position, "=SOM(A1:A3)", true)).toEqual([
      { item: p.items[position]?.item.id, code: null, text: "=SOM(A1:A3)", missing: null },
    ]);
    expect(conversion.warned(position, "=SOM(A1:A3)", true)).toBe(true);
    expect(conversion.warned(position, "Meer uitjes.", true)).toBe(false);
    conversion.warnAt(position, "=SOM(A1:A3)", true, 4);
    conversion.warnAt(position, "=SOM(A1:A3)", true, 9);
    const into = new ProblemCollector();
    conversion.flushWarnings(into);
    expect(into.warnings).toEqual([whole.warnings[0], { ...whole.warnings[0], row: 9 }]);
    expect(into.warningCount).toBe(2);
  });

  it("gives a row's context and pseudonym as convertRow does", () => {
    const p = plan();
    const conversion = distinctConversion(p);
    const whole = convertRow(p, { row: 2, fields: row("") }, new ProblemCollector());
    const { [respondentKey]: respondent, ...context } = whole?.context ?? {};
    expect(conversion.context(["Groep 5"])?.context).toEqual(context);
    expect(conversion.respondent(["ouder@example.nl"])).toBe(respondent);
    expect(conversion.submitted("23-11-2026 14:03:22")).toBe(whole?.submittedAt);
    expect(distinctConversionBlocker(p)).toBeUndefined();
  });
});
