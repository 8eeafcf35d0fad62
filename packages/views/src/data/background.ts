import type { Instrument } from "@zaz/model";
import type { DerivedDimension } from "@zaz/store";
import { populationMessages as msg } from "../messages.js";

/**
 * The background groups a school is compared by (profieleis b1, the analysis of the ouderpopulatie):
 * parents who speak Dutch at home against those who speak only other languages, and parents who
 * speak Dutch well against those who speak it less well. Two coarse splits, not every language, so
 * that the groups are large enough to show (the release protects them like any other cell).
 */
export interface Background {
  readonly dimension: DerivedDimension;
  /** Dutch name of the split, and of each value in the order of `dimension.values` */
  readonly title: string;
  readonly labels: Readonly<Record<string, string>>;
  /** the column title of the first group's share, e.g. "thuis (ook) Nederlands" */
  readonly share: string;
  /** what a caption compares by: "Ervaring naar thuistaal" */
  readonly by: string;
}

interface BackgroundSpec {
  readonly id: keyof typeof msg.backgrounds;
  readonly item: string;
  readonly scale: string;
  /** the first group: the scale's labels it holds; the second group has every other label */
  readonly first: { readonly value: string; readonly of: readonly string[] };
  readonly rest: { readonly value: string };
}

// Tied to the default instrument's items and scales; an adapted copy that keeps them keeps the splits.
const specs: readonly BackgroundSpec[] = [
  {
    id: "achtergrond_taal",
    item: "ach_taal",
    scale: "thuistaal",
    first: { value: "nl", of: ["Nederlands"] },
    rest: { value: "anders" },
  },
  {
    id: "achtergrond_nl",
    item: "ach_nl",
    scale: "taalvaardigheid5",
    first: { value: "goed", of: ["Goed", "Heel goed"] },
    rest: { value: "minder" },
  },
];

/** The background splits an instrument allows (none when it lacks the items or their scales). */
export function backgroundsOf(instrument: Instrument): Background[] {
  return specs.flatMap((spec): Background[] => {
    const item = instrument.items.find((i) => i.id === spec.item);
    const scale = instrument.scales.find((s) => s.id === spec.scale && s.id === item?.scale);
    if (scale === undefined) return [];
    const first = scale.labels.filter((l) => spec.first.of.includes(l.label)).map((l) => l.code);
    const rest = scale.labels.filter((l) => !first.includes(l.code)).map((l) => l.code);
    if (first.length === 0 || rest.length === 0) return [];
    const text = msg.backgrounds[spec.id];
    return [
      {
        dimension: {
          id: spec.id,
          item: spec.item,
          values: [
            { value: spec.first.value, codes: first },
            { value: spec.rest.value, codes: rest },
          ],
        },
        title: text.title,
        labels: { [spec.first.value]: text.first, [spec.rest.value]: text.rest },
        share: text.share,
        by: text.by,
      },
    ];
  });
}

/** Every background dimension id there can be, for the release's patterns. */
export const backgroundDimensionIds: readonly string[] = specs.map((s) => s.id);
