import type { Instrument, Item, Result } from "@zaz/model";
import { summarizeFrequencies } from "../stats/frequency-summary.js";
import type { GroupedData } from "./group-data.js";
import { validValues } from "./group-data.js";
import type { GroupPlan } from "./group-plan.js";
import { scaleOf } from "./instrument-index.js";
import {
  buildItemTable,
  type GenericItemTable,
  type ItemTableGroup,
  type ItemTableOptions,
} from "./item-table.js";
import { analysisMessages as msg } from "./messages.js";

/** One answer of a background question: a label of its list, or a number of children. */
export interface BackgroundCategory {
  readonly code: string;
  readonly label: string;
  /** respondents who gave it */
  readonly count: number;
}

/** A background question (home language, Dutch, contact, children) over the respondents of one group. */
export interface BackgroundStats {
  /** in questionnaire order, zero counts included; numbers from 1 up, the highest bin "… of meer" */
  readonly categories: readonly BackgroundCategory[];
  /** multiple choice: a respondent may count in several categories */
  readonly multiple: boolean;
  /** number items: the mean; null otherwise */
  readonly mean: number | null;
}

export type BackgroundGroup = ItemTableGroup<BackgroundStats>;

export type BackgroundTable = GenericItemTable<BackgroundStats>;

/** Which items describe the ouderpopulatie: lists of choices and numbers, not scales or free text. */
export const backgroundItems = {
  eligible: (item: Item) => item.type === "single" || item.type === "multiple" || item.type === "number",
};

/**
 * Numbers of this size and above share one category: the fourth child at a school is shown with
 * the fifth, so a large family is not singled out in its groep.
 */
export const numberTop = 4;

/**
 * Per background item and group: how many respondents gave each answer, with n (respondents with a
 * valid answer), suppressed like every item table — an item's counts are that item's column of the
 * group's cell in the release, so they are shown or hidden together.
 */
export function backgroundTable(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: ItemTableOptions = {},
): Result<BackgroundTable> {
  return buildItemTable<BackgroundStats>(instrument, plan, data, options, {
    ...backgroundItems,
    compute: (index, group, item): { n: number; value: BackgroundStats | null } => {
      const valid = validValues(group.items[item.id]);
      if (item.type === "number") {
        const n = valid.reduce((s, v) => s + v.count, 0);
        const low = item.min ?? 1;
        const categories: BackgroundCategory[] = [];
        for (let v = low; v <= numberTop; v++) {
          const top = v === numberTop;
          const count = valid
            .filter((x) => (top ? x.value >= v : x.value === v))
            .reduce((s, x) => s + x.count, 0);
          categories.push({ code: String(v), label: top ? msg.orMore(v) : String(v), count });
        }
        const mean = summarizeFrequencies(valid)?.mean ?? null;
        return { n, value: n === 0 ? null : { categories, multiple: false, mean } };
      }
      const scale = scaleOf(index, item);
      const counts = new Map(valid.map((v) => [v.value, v.count]));
      const categories = (scale?.labels ?? []).map((l) => ({
        code: String(l.code),
        label: l.label,
        count: counts.get(l.code) ?? 0,
      }));
      const multiple = item.type === "multiple";
      const n = multiple ? (group.chose[item.id] ?? 0) : categories.reduce((s, c) => s + c.count, 0);
      return { n, value: n === 0 ? null : { categories, multiple, mean: null } };
    },
  });
}
