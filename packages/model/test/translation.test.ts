import { parseInstrument, translateInstrument } from "@zaz/model";
import { describe, expect, it } from "vitest";
import { readInstrumentData } from "./seeds.js";

type Data = Record<string, unknown> & { translations: Record<string, Record<string, unknown>> };
const ouder = () => readInstrumentData("ouderpopulatie") as Data;

describe("translations of an instrument", () => {
  it("ships English and Turkish for ouderpopulatie, complete and marked as still to be reviewed", () => {
    const parsed = parseInstrument(ouder(), "ouderpopulatie.json");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    for (const language of ["en", "tr"]) {
      const t = parsed.value.translations[language];
      expect(t?.reviewed, language).toBe(false);
      expect(t?.note, language).toContain("moedertaalspreker");
      expect(translateInstrument(parsed.value, language).untranslated, language).toEqual([]);
    }
    const en = translateInstrument(parsed.value, "en").instrument;
    expect(en.items.find((i) => i.id === "erv_uk3")?.text).toBe("I do not always feel welcome at school.");
    expect(en.scales.find((s) => s.id === "eens5")?.labels.map((l) => l.code)).toEqual([1, 2, 3, 4, 5]);
  });

  it("names an unknown item, a code not on the scale and a label that means another code", () => {
    const data = ouder();
    const en = data.translations.en as {
      items: Record<string, string>;
      scales: Record<string, { labels: Record<string, string> }>;
    };
    en.items.erv_xx1 = "A question that does not exist.";
    en.scales.eens5!.labels["6"] = "Totally agree";
    // "Agree" is code 4; as the label of code 5 an English export could not be read unambiguously.
    en.scales.eens5!.labels["5"] = "Agree";
    const parsed = parseInstrument(data, "kopie.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.path)).toEqual([
      "translations.en.items.erv_xx1",
      "translations.en.scales.eens5.labels.5",
      "translations.en.scales.eens5.labels.6",
    ]);
    expect(parsed.errors[1]?.message).toContain('label "Agree" betekent al code 4');
  });

  it("needs a taal dimension that lists every language, so the form's language can be kept", () => {
    const data = ouder();
    data.translations.pl = {
      name: "Pools",
      items: { open_tip: "Co szkoła może zrobić, aby lepiej z Panem/Panią współpracować?" },
    };
    const parsed = parseInstrument(data, "kopie.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.message).toContain('de dimensie "taal" mist de taal "pl"');
  });
});
