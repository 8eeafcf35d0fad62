import type { Instrument } from "@zaz/model";
import {
  type BackgroundGroup,
  backgroundItems,
  backgroundTable,
  constructTable,
  type GroupPlan,
  hasOtherChoice,
  itemsFor,
  openAnswers,
  type PrivacySettings,
  planGroups,
} from "@zaz/survey";
import { type BackgroundScores, populationSections } from "../sections/population-section.js";
import type { Section } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { unwrap } from "../views/view-base.js";
import { type Background, backgroundsOf } from "./background.js";
import { groupedData, noData } from "./grouped.js";
import type { Source } from "./source.js";
import { textReader } from "./texts.js";

/** The instrument with a background split as an enum dimension, so the analysis can group by it. */
function withDimension(instrument: Instrument, b: Background): Instrument {
  return {
    ...instrument,
    dimensions: [
      ...instrument.dimensions,
      {
        id: b.dimension.id,
        label: b.title,
        type: "enum",
        values: b.dimension.values.map((v) => ({
          code: v.value,
          label: b.labels[v.value] ?? v.value,
          aliases: [],
        })),
        required: false,
        pseudonymise: false,
        aliases: [],
      },
    ],
  };
}

/**
 * The ouderpopulatie sections of one school in one wave: background questions for the school and
 * per groep, construct scores per background group, and the own answers beside "Anders". Each
 * group comes through groupedData, so the release marks it.
 */
export async function populationOf(
  context: ViewContext,
  source: Source,
  instrument: Instrument,
  where: { school: string; wave: string },
  groepPlan: GroupPlan,
  shownGroepen: ReadonlySet<string>,
  privacy: PrivacySettings,
): Promise<Section[]> {
  const items = unwrap(itemsFor(instrument, undefined, backgroundItems));
  if (items.length === 0) return [];
  const other = unwrap(itemsFor(instrument, undefined, { eligible: hasOtherChoice })).filter((id) =>
    items.includes(id),
  );
  const data =
    (
      await groupedData(context, source, where, {
        by: ["groep"],
        clusters: ["groep"],
        items,
        itemsFor: "groups",
      })
    ).get("") ?? noData;
  const table = unwrap(backgroundTable(instrument, groepPlan, data, { items, privacy }));
  const groepen: BackgroundGroup[] = table.groups.filter((g) =>
    shownGroepen.has(g.key.map((l) => l.code).join("-")),
  );
  const backgrounds = backgroundsOf(instrument);
  const scores: BackgroundScores[] = [];
  for (const b of backgrounds) {
    const inst = withDimension(instrument, b);
    const plan = unwrap(planGroups(inst, { scope: where, by: [b.dimension.id] }));
    const grouped =
      (
        await groupedData(context, source, where, {
          by: [b.dimension.id],
          clusters: [b.dimension.id, "groep"],
          constructs: instrument.constructs.map((c) => c.id),
        })
      ).get("") ?? noData;
    scores.push({
      id: b.dimension.id,
      title: b.title,
      by: b.by,
      table: unwrap(constructTable(inst, plan, grouped, { privacy })),
    });
  }
  const totalPlan = { ...groepPlan, by: [], byDimensions: [], groupingSets: [[]] };
  const otherTable = unwrap(
    await openAnswers(
      instrument,
      totalPlan,
      { total: data.total, groups: [] },
      { items: other, privacy, other: true },
      textReader(context, source, where),
    ),
  );
  return populationSections({
    instrument,
    table,
    groepen,
    shares: backgrounds.map((b) => ({
      item: b.dimension.item,
      codes: (b.dimension.values[0]?.codes ?? []).map(String),
      title: b.share,
    })),
    scores,
    other: otherTable.items.length > 0 ? otherTable : null,
    k: privacy.k,
    kText: privacy.kText,
  });
}
