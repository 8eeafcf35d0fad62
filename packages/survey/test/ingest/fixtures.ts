import { type Instrument, parseInstrument } from "@zaz/model";

/** A small instrument that exercises every item type, written out here so the tests do not depend on the defaults. */
export function testInstrument(): Instrument {
  const parsed = parseInstrument({
    id: "proef",
    version: "1.0",
    title: "Proefinstrument",
    dimensions: [
      { id: "school", label: "School" },
      {
        id: "groep",
        label: "Groep",
        type: "enum",
        values: [1, 2, 3, 4, 5, 6, 7, 8].map((g) => ({
          code: String(g),
          label: `Groep ${g}`,
          aliases: [`gr ${g}`],
        })),
      },
      { id: "wave", label: "Meting" },
      { id: "student", label: "Student", pseudonymise: true, required: false },
    ],
    scales: [
      {
        id: "eens5",
        name: "Eens (5)",
        labels: [
          { code: 1, label: "Helemaal mee oneens", aliases: ["Strongly disagree"] },
          { code: 2, label: "Mee oneens", aliases: ["Disagree"] },
          { code: 3, label: "Neutraal", aliases: ["Neutral"] },
          { code: 4, label: "Mee eens", aliases: ["Agree"] },
          { code: 5, label: "Helemaal mee eens", aliases: ["Strongly agree"] },
        ],
        missing: [
          { kind: "weet_niet", label: "Weet ik niet", aliases: ["weet niet", "Don't know"] },
          { kind: "nvt", label: "n.v.t.", aliases: ["nvt", "niet van toepassing"] },
        ],
        neutral: 3,
      },
      {
        id: "taal",
        name: "Talen",
        ordered: false,
        labels: [
          { code: 1, label: "Nederlands" },
          { code: 2, label: "Arabisch" },
          { code: 3, label: "Berbers, Tamazight" },
          { code: 9, label: "Anders" },
        ],
      },
    ],
    constructs: [{ id: "klimaat", name: "Klimaat", minValid: 1 }],
    items: [
      {
        id: "welkom",
        text: "Ik voel me welkom op school.",
        type: "scale",
        scale: "eens5",
        constructs: ["klimaat"],
      },
      { id: "talen", text: "Welke talen spreekt u thuis?", type: "multiple", scale: "taal" },
      { id: "kinderen", text: "Hoeveel kinderen heeft u op school?", type: "number", min: 1, max: 10 },
      { id: "tip", text: "Heeft u een tip voor de school?", type: "text" },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
