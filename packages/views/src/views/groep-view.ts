import { type TrendRow, trend } from "@zaz/charts";
import { InstrumentRole, parseGroep } from "@zaz/model";
import {
  constructTable,
  type ItemGroup,
  itemsFor,
  openAnswers,
  planGroups,
  summariseItems,
} from "@zaz/survey";
import { countCell, meanCell } from "../cells.js";
import { labeled } from "../data/directory.js";
import { groupedData, noData } from "../data/grouped.js";
import { waveLabel } from "../data/names.js";
import { sourceFor } from "../data/source.js";
import { textReader } from "../data/texts.js";
import { ViewError } from "../messages.js";
import { methodSection } from "../method.js";
import { intervalRow } from "../sections/chart-rows.js";
import { constructGroups } from "../sections/framework.js";
import { itemsSection } from "../sections/items-section.js";
import { openSection } from "../sections/open-section.js";
import { rateCell } from "../sections/response-section.js";
import { shortLabel } from "../sections/short-label.js";
import { toChart } from "../sections/to-chart.js";
import type { CellValue, Section, Table, View } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { groepRows, schoolWave } from "./klassen-view.js";
import { fact, msg, unwrap, viewHead } from "./view-base.js";

/** A groep nobody answered in: its items are "geen gegevens". */
function emptyItemGroup(items: readonly { id: string }[]): ItemGroup {
  return {
    key: [],
    responses: { status: "empty", label: "geen gegevens" },
    students: null,
    items: Object.fromEntries(items.map((i) => [i.id, { status: "empty" as const, label: "geen gegevens" }])),
  };
}

const groepCode = (key: readonly { dimension: string; code: string }[]) =>
  key.find((l) => l.dimension === "groep")?.code ?? "";

/**
 * One groep of a school in one wave. Every number comes from the school's table by groep, with its
 * complementary suppression, never from a scope of the groep alone: otherwise a groep hidden in the
 * class overview could be shown here and a small neighbour recovered by subtraction.
 */
export async function groepView(
  context: ViewContext,
  params: { school: string; wave: string; groep: string },
): Promise<View> {
  const head = await viewHead(context, "groep");
  const { school, source, waves, wave } = await schoolWave(context, params);
  const { privacy } = context;
  const k = privacy.k;
  const instrument =
    (await sourceFor(context, InstrumentRole.ouderpopulatie, { school: school.code, wave }))?.instrument ??
    source.instrument;
  // The roster's groepen are rows too, answered in or not (a groep dimension declares no values).
  const roster = await context.store.roster({ school: school.code, wave });
  const include = { groep: roster.map((r) => r.groep) };
  const plan = unwrap(
    planGroups(instrument, { scope: { school: school.code, wave }, by: ["groep"], include }),
  );
  const constructs = instrument.constructs.map((c) => c.id);
  const items = unwrap(
    itemsFor(instrument, undefined, { eligible: (i) => i.type === "scale" && i.constructs.length > 0 }),
  );
  const texts = unwrap(itemsFor(instrument, undefined, { eligible: (i) => i.type === "text" }));
  // Every wave at once: this wave's table for the groep's numbers, each wave's own table for the
  // trend; items and free text only for this wave.
  const data = await groupedData(
    context,
    source,
    { school: school.code },
    {
      split: "wave",
      by: ["groep"],
      clusters: ["groep"],
      constructs,
      items,
      texts,
      itemsIn: wave,
    },
  );
  const current = data.get(wave) ?? noData;
  const table = unwrap(constructTable(instrument, plan, current, { roster, privacy }));
  const rows = groepRows(table, new Set(roster.map((r) => r.groep)));
  // As stored ("1/2"), or as a person writes it ("groep 1-2", `zaz report groep --groep`).
  const written = parseGroep(params.groep);
  const wanted = "code" in written ? written.code : params.groep;
  const row =
    rows.find((r) => groepCode(r.key) === params.groep) ?? rows.find((r) => groepCode(r.key) === wanted);
  if (row === undefined)
    throw new ViewError(
      msg.unknownGroep(
        params.groep,
        school.name,
        rows.map((r) => r.key.map((l) => l.label).join(", ")),
      ),
    );
  const groep = { id: groepCode(row.key), name: row.key.map((l) => l.label).join(", ") };

  const sections: Section[] = [];
  const itemTable = unwrap(summariseItems(instrument, plan, current, { items, privacy }));
  const itemGroup = itemTable.groups.find((g) => groepCode(g.key) === groep.id);
  const trendTables = waves.map((w) => ({
    wave: w,
    table: unwrap(
      constructTable(
        instrument,
        unwrap(planGroups(instrument, { scope: { school: school.code, wave: w }, by: ["groep"] })),
        data.get(w) ?? noData,
        { privacy },
      ),
    ),
  }));
  for (const spec of constructGroups(table.constructs)) {
    const ids = new Set(spec.constructs.flatMap((c) => c.items.map((i) => i.id)));
    const own = itemTable.items.filter((i) => ids.has(i.id));
    const scale = instrument.scales.find((s) => s.id === own[0]?.scale?.id);
    const heading =
      spec.framework === "bakker"
        ? "Ervaring van ouders"
        : spec.framework === "partnerschap"
          ? "Eigen betrokkenheid"
          : "Overige schalen";
    const items = itemsSection(own, itemGroup ?? emptyItemGroup(own), scale, k, {
      id: `items-${spec.id}`,
      heading,
      intro: "",
      chartTitle: `${heading} in ${groep.name}`,
    });
    const range = spec.constructs.find((c) => c.scale !== null)?.scale;
    const trendRows: TrendRow[] = trendTables.flatMap(({ wave: w, table: t }) => {
      const g = t.groups.find((x) => groepCode(x.key) === groep.id);
      return spec.constructs.map((c) =>
        intervalRow(
          { wave: waveLabel(w).name, construct: c.id, constructLabel: c.name },
          g?.constructs[c.id],
        ),
      );
    });
    const trendChart = toChart(
      `trend-${spec.id}`,
      trend({
        title: `${heading} over de metingen, ${groep.name}`,
        scaleMin: range?.min ?? 1,
        scaleMax: range?.max ?? 5,
        rows: trendRows,
      }),
    );
    const trendTable: Table = {
      id: `trend-${spec.id}`,
      caption: `${heading} per meting, ${groep.name}`,
      columns: [
        { key: "meting", title: "meting" },
        ...spec.constructs.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
      ],
      rows: trendTables.map(({ wave: w, table: t }) => {
        const g = t.groups.find((x) => groepCode(x.key) === groep.id);
        const row: Record<string, CellValue> = { meting: waveLabel(w).name };
        for (const c of spec.constructs) row[c.id] = meanCell(g?.constructs[c.id], k);
        return row;
      }),
      notes: [
        msg.legendMean,
        ...spec.constructs.map((c) => `${shortLabel(c)}: ${c.name}`),
        msg.legendHidden(k),
      ],
    };
    sections.push({
      id: `groep-${spec.id}`,
      heading,
      intro:
        "Per stelling de verdeling van de antwoorden in deze groep, en per schaal het gemiddelde in elke meting (elke meting met de afscherming van het klassenoverzicht van die meting).",
      tables: [...items.tables, trendTable],
      charts: [...items.charts, trendChart],
    });
  }
  const open = unwrap(
    await openAnswers(
      instrument,
      plan,
      current,
      { items: texts, privacy },
      textReader(context, source, { school: school.code, wave }),
    ),
  );
  const openGroup = open.groups.find((g) => groepCode(g.key) === groep.id);
  if (open.items.length > 0 && openGroup !== undefined)
    sections.push(
      openSection(open, openGroup, privacy.kText, {
        intro:
          "Open antwoorden van ouders in deze groep, alleen als minstens {kText} ouders de vraag kregen en de groep ook in het klassenoverzicht getoond wordt.",
      }),
    );
  return {
    ...head,
    title: msg.groepTitle(groep.name, school.name, waveLabel(wave).name),
    subtitle: msg.groepSubtitle,
    about: { school: labeled(school), wave: waveLabel(wave), groep },
    links: [{ kind: "klassen", label: school.name, params: { school: school.id, wave } }],
    facts: [
      fact("respons", msg.factResponseRate, rateCell(row, k)),
      fact("respondenten", msg.factRespondents, countCell(row.responses, k)),
    ],
    sections,
    method: methodSection(privacy, table.constructs),
  };
}
