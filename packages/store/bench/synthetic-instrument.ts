import { type Instrument, instrumentSchema } from "@zaz/model";

/** The instrument of the synthetic scale runs: items q0…q<n−1> on a 0–4 scale; school, groep and wave. */
export function syntheticInstrument(items: number): Instrument {
  return instrumentSchema.parse({
    id: "ouderpopulatie",
    version: "1.0",
    title: "Synthetisch",
    dimensions: ["school", "groep", "wave"].map((id) => ({ id, label: id, required: false })),
    scales: [
      {
        id: "vijf",
        name: "vijf punten",
        labels: [0, 1, 2, 3, 4].map((code) => ({ code, label: `punt ${code}` })),
        missing: [{ kind: "leeg", label: "leeg" }],
      },
    ],
    items: Array.from({ length: items }, (_, j) => ({
      id: `q${j}`,
      text: `Vraag ${j}`,
      type: "scale",
      scale: "vijf",
    })),
  });
}
