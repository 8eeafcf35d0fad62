import { join } from "node:path";
import { type Instrument, type SurveyResponse, translateInstrument } from "@zaz/model";
import { defaultInstrumentDir, loadInstrumentFile, prepareIngest } from "@zaz/survey";
import { beforeAll, describe, expect, it } from "vitest";

const key = new Uint8Array(32).fill(3);
let ouder: Instrument;

beforeAll(async () => {
  const loaded = await loadInstrumentFile(join(defaultInstrumentDir(), "ouderpopulatie.json"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  ouder = loaded.value.instrument;
});

/** Three parents' answers as codes (or a missing kind), the same whatever the form's language. */
const answers: Record<string, number | "weet_niet" | "nvt" | number[]>[] = [
  { ach_taal: [1, 3], ach_nl: 4, erv_ph1: 5, erv_hc2: 2, erv_uk3: 1, btr_di2: 4, ach_contact: 5 },
  { ach_taal: [3], ach_nl: 2, erv_ph1: "weet_niet", erv_hc2: 4, erv_uk3: 5, btr_di2: "nvt", ach_contact: 4 },
  { ach_taal: [9], ach_nl: 1, erv_ph1: 3, erv_hc2: 1, erv_uk3: 3, btr_di2: 1, ach_contact: 1 },
];

/** The export a form tool writes of the instrument's form in one language: its questions and labels. */
function exportOf(language: string): { header: string[]; rows: string[][] } {
  const form = translateInstrument(ouder, language).instrument;
  const items = form.items.filter((i) => i.id in (answers[0] ?? {}));
  const scale = (id: string | undefined) => form.scales.find((s) => s.id === id);
  const groep = form.dimensions.find((d) => d.id === "groep");
  return {
    header: ["Tijdstempel", groep?.label ?? "Groep", ...items.map((i) => i.text)],
    rows: answers.map((a, index) => [
      `1${index}-3-2026 10:00:00`,
      `Groep ${index + 3}`,
      ...items.map((item) => {
        const value = a[item.id];
        const s = scale(item.scale);
        if (Array.isArray(value))
          return value.map((c) => s?.labels.find((l) => l.code === c)?.label).join(", ");
        if (typeof value === "number") return s?.labels.find((l) => l.code === value)?.label ?? "";
        return s?.missing.find((m) => m.kind === value)?.label ?? "";
      }),
    ]),
  };
}

async function ingest(language: string, context: Record<string, string> = {}) {
  const { header, rows } = exportOf(language);
  const prepared = prepareIngest(
    {
      header,
      roles: header.map((h) => (h === "Tijdstempel" ? "timestamp" : undefined)),
      async *rows() {
        for (const [i, fields] of rows.entries()) yield { row: i + 2, fields };
      },
    },
    {
      file: `export-${language}.csv`,
      instrument: ouder,
      context: { school: "De Regenboog", wave: "2026-voorjaar", ...context },
      pseudonymKey: key,
    },
  );
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  const out: SurveyResponse[] = [];
  for await (const r of prepared.value.responses()) out.push(r);
  expect(prepared.value.problems.errors).toEqual([]);
  return { responses: out, plan: prepared.value.plan, columns: prepared.value.columns };
}

const stored = (responses: readonly SurveyResponse[]) =>
  responses.map((r) => ({ groep: r.context.groep, answers: r.answers }));

describe("an export of a translated form", () => {
  it("is written in that language: English and Turkish questions and labels", () => {
    const en = exportOf("en");
    expect(en.header).toContain("I do not always feel welcome at school.");
    expect(en.rows[0]).toContain("Dutch, Turkish");
    const tr = exportOf("tr");
    expect(tr.header).toContain("Okulda kendimi her zaman hoş karşılanmış hissetmiyorum.");
    expect(tr.rows[1]).toContain("Bilmiyorum");
  });

  it.each(["en", "tr"])(
    "(%s) maps to the same items and stores the same codes as the Dutch form",
    async (language) => {
      const dutch = await ingest("nl");
      const translated = await ingest(language);
      // Every question column is matched by its translated text, none dropped or merely suggested.
      expect(translated.columns.filter((c) => c.target.kind === "item")).toHaveLength(7);
      expect(stored(translated.responses)).toEqual(stored(dutch.responses));
      expect(translated.responses[0]?.answers).toContainEqual({
        item: "erv_uk3",
        code: 1,
        text: null,
        missing: null,
      });
      expect(translated.responses[1]?.answers).toContainEqual({
        item: "erv_ph1",
        code: null,
        text: null,
        missing: "weet_niet",
      });
    },
  );

  it("keeps the form's language in the taal dimension of every response", async () => {
    const en = await ingest("en");
    expect(en.plan.formLanguage).toEqual({ language: "en", source: "headers", headers: 8 });
    expect(en.responses.map((r) => r.context.taal)).toEqual(["en", "en", "en"]);
    const nl = await ingest("nl");
    expect(nl.responses.map((r) => r.context.taal)).toEqual(["nl", "nl", "nl"]);
    expect(nl.plan.formLanguage?.source).toBe("headers");
    // --taal wins over the headers (a form whose questions were left in Dutch, answered in Turkish).
    const flagged = await ingest("nl", { taal: "Turks" });
    expect(flagged.plan.formLanguage).toEqual({ language: "tr", source: "flag", headers: 0 });
    expect(flagged.responses.every((r) => r.context.taal === "tr")).toBe(true);
  });
});
