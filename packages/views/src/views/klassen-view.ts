import { type Instrument, InstrumentRole, previousWave, sortWaves } from "@zaz/model";
import {
  type ConstructGroup,
  type ConstructTable,
  compareWaves,
  constructReliability,
  constructTable,
  type GroupedData,
  itemsFor,
  openAnswers,
  planGroups,
  reliabilityItems,
  summariseItems,
  summaryItems,
  type WaveComparison,
} from "@zaz/survey";
import { countCell } from "../cells.js";
import { directoryOf, findSchool, labeled, type SchoolEntry } from "../data/directory.js";
import { groupedData, noData } from "../data/grouped.js";
import { waveLabel } from "../data/names.js";
import { populationOf } from "../data/population.js";
import { type Source, selection, sourceFor } from "../data/source.js";
import { textReader } from "../data/texts.js";
import { referenceMessages, ViewError } from "../messages.js";
import { methodSection } from "../method.js";
import { actionPointsUpTo, actionSection, actionSummaryLines } from "../sections/action-section.js";
import { changeSection } from "../sections/change-section.js";
import { constructSections } from "../sections/construct-sections.js";
import { constructGroups } from "../sections/framework.js";
import { itemsSection } from "../sections/items-section.js";
import { openSection } from "../sections/open-section.js";
import { referenceSection } from "../sections/reference-section.js";
import { reliabilitySection } from "../sections/reliability-section.js";
import { rateCell, responseSection } from "../sections/response-section.js";
import { summarySection } from "../sections/summary-section.js";
import type { Fact, Section, View } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { fact, msg, unwrap, viewHead } from "./view-base.js";

const role = InstrumentRole.ouderpopulatie;

export interface SchoolWave {
  readonly school: SchoolEntry;
  readonly source: Source;
  readonly waves: readonly string[];
  readonly wave: string;
  readonly previous: string | null;
}

/** The school, its waves in time order and the one asked for; a Dutch error when there is none. */
export async function schoolWave(
  context: ViewContext,
  params: { school: string; wave?: string },
): Promise<SchoolWave> {
  const directory = await directoryOf(context.store);
  const school = findSchool(directory, params.school);
  if (school === undefined)
    throw new ViewError(
      msg.noResponses(
        `school "${params.school}"`,
        directory.schools.map((s) => s.name),
      ),
    );
  const source = await sourceFor(context, role, { school: school.code });
  if (source === null) throw new ViewError(msg.noInstrument(role));
  const waves = sortWaves(
    (await context.store.analysis.values(selection(source, { school: school.code }), ["wave"]))
      .map((v) => v.values.wave ?? "")
      .filter((w) => w !== ""),
  );
  const wave = params.wave ?? waves.at(-1) ?? "";
  if (!waves.includes(wave))
    throw new ViewError(msg.noResponses(`school "${school.name}" in meting ${wave}`, waves));
  return { school, source, waves, wave, previous: previousWave(waves, wave) };
}

/** Groepen worth a row: those with responses or on the roster (not every groep 1–8 of the grid). */
export function groepRows(table: ConstructTable, rosterGroepen: ReadonlySet<string>): ConstructGroup[] {
  return table.groups.filter(
    (g) =>
      g.responses.status !== "empty" ||
      rosterGroepen.has(g.key.find((l) => l.dimension === "groep")?.code ?? ""),
  );
}

/** The reference instrument of one wave (the newest version with data there). */
async function instrumentOfWave(
  context: ViewContext,
  school: string,
  wave: string,
): Promise<Instrument | null> {
  return (await sourceFor(context, role, { school, wave }))?.instrument ?? null;
}

/** The scale items of the first group of constructs (the Bakker conditions), in questionnaire order. */
export function experienceItems(instrument: Instrument, table: ConstructTable): string[] {
  const first = constructGroups(table.constructs)[0]?.constructs ?? [];
  const wanted = new Set(first.flatMap((c) => c.items.map((i) => i.id)));
  return instrument.items.filter((i) => i.type === "scale" && wanted.has(i.id)).map((i) => i.id);
}

/**
 * The schools of one wave by school, with their board as total (or, without a board, every board's
 * schools): the director's reference group. School × wave and board × wave are cells of the release;
 * the total of every board is none, so it stays hidden and only the schools' own cells are used.
 */
async function schoolsTable(
  context: ViewContext,
  instrument: Instrument,
  scope: { bestuur?: string; wave: string },
): Promise<ConstructTable | null> {
  const source = await sourceFor(context, role, scope);
  if (source === null) return null;
  const plan = unwrap(planGroups(instrument, { scope, by: ["school"] }));
  const data = await groupedData(context, source, scope, {
    by: ["school"],
    clusters: ["school", "groep"],
    constructs: instrument.constructs.map((c) => c.id),
  });
  return unwrap(constructTable(instrument, plan, data.get("") ?? noData, { privacy: context.privacy }));
}

/**
 * The director's view: class-level engagement of one school in one wave — per groep and construct,
 * with n, response rate and the change since the previous wave (in time, not alphabetically).
 */
export async function klassenView(
  context: ViewContext,
  params: { school: string; wave: string },
): Promise<View> {
  const head = await viewHead(context, "klassen");
  const { school, source, wave, previous } = await schoolWave(context, params);
  const { privacy } = context;
  const instrument = (await instrumentOfWave(context, school.code, wave)) ?? source.instrument;
  // The roster's groepen are rows too, answered in or not (a groep dimension declares no values).
  const roster = await context.store.roster({ school: school.code, wave });
  const include = { groep: roster.map((r) => r.groep) };
  const plan = unwrap(
    planGroups(instrument, { scope: { school: school.code, wave }, by: ["groep"], include }),
  );
  // the whole school, for what the view shows for the school only (items, open answers)
  const totalPlan = { ...plan, by: [], byDimensions: [], groupingSets: [[]] };
  const constructs = instrument.constructs.map((c) => c.id);
  const items = unwrap(itemsFor(instrument, undefined, summaryItems)).filter(
    (id) => instrument.items.find((i) => i.id === id)?.type === "scale",
  );
  const texts = unwrap(itemsFor(instrument, undefined, { eligible: (i) => i.type === "text" }));
  const where = { school: school.code, wave: previous === null ? wave : [wave, previous] };
  const data = await groupedData(context, source, where, {
    split: "wave",
    by: ["groep"],
    clusters: ["groep"],
    constructs,
    items,
    texts,
    itemsFor: "total",
  });
  const current: GroupedData = data.get(wave) ?? noData;
  const table = unwrap(constructTable(instrument, plan, current, { roster, privacy }));
  const rows = groepRows(table, new Set(roster.map((r) => r.groep)));
  const k = privacy.k;

  const sections: Section[] = [
    responseSection(table, rows, k, {
      heading: "Respons per groep",
      intro:
        "Hoeveel gezinnen per groep de vragenlijst invulden, naast het aantal gezinnen op de groepslijst.",
      rowTitle: "groep",
    }),
    ...constructSections(instrument, table, rows, k, "groep"),
  ];
  // profieleis b1: who the parents are who answered, and which of them the school reaches less —
  // after the class overview itself and its change, which a director reads first
  const population = await populationOf(
    context,
    source,
    instrument,
    { school: school.code, wave },
    plan,
    new Set(rows.map((r) => r.key.map((l) => l.code).join("-"))),
    privacy,
  );
  // the comparison the change section shows, reused for the follow-up of the action points
  let comparison: WaveComparison | undefined;
  if (previous !== null) {
    const prevInstrument = (await instrumentOfWave(context, school.code, previous)) ?? instrument;
    const waveless = unwrap(
      planGroups(instrument, { scope: { school: school.code }, by: ["groep"], include }),
    );
    const change = unwrap(
      compareWaves(instrument, waveless, current, data.get(previous) ?? noData, {
        current: wave,
        previous,
        previousInstrument: prevInstrument,
        privacy,
      }),
    );
    comparison = change;
    const shown = new Set(rows.map((r) => r.key.map((l) => l.code).join()));
    sections.push(
      changeSection(
        {
          ...change,
          previous: { ...change.previous, label: waveLabel(previous).name },
          current: { ...change.current, label: waveLabel(wave).name },
        },
        change.groups.filter((g) => shown.has(g.key.map((l) => l.code).join())),
        k,
        { rowTitle: "groep", groupCaption: "Verandering per groep" },
      ),
    );
  }
  const actionPoints = actionPointsUpTo(await context.store.actions.list({ school: school.code }), wave);
  const groepLabels = new Map(
    rows.flatMap((r) => r.key.filter((l) => l.dimension === "groep").map((l) => [l.code, l.label] as const)),
  );
  const groepLabel = (code: string) => groepLabels.get(code) ?? code;
  if (actionPoints.length > 0) sections.push(actionSection(actionPoints, wave, comparison, groepLabel, k));
  // the school against the other schools of its board: board × wave and school × wave are cells of
  // the release, so the comparison rests on shown cells only
  const reference =
    school.bestuur === null
      ? null
      : await schoolsTable(context, instrument, { bestuur: school.bestuur.code, wave });
  if (reference !== null && school.bestuur !== null) {
    const everyBoard =
      (await directoryOf(context.store)).besturen.length > 1
        ? await schoolsTable(context, instrument, { wave })
        : null;
    sections.push(referenceSection(reference, school.code, school.bestuur.name, k, everyBoard));
  }
  sections.push(...population);
  const experience = experienceItems(instrument, table);
  const itemTable = unwrap(
    summariseItems(instrument, totalPlan, current, {
      items: experience,
      privacy,
    }),
  );
  if (experience.length > 0)
    sections.push(
      itemsSection(
        itemTable.items,
        itemTable.total,
        instrument.scales.find((s) => s.id === itemTable.items[0]?.scale?.id),
        k,
        {
          heading: "Antwoorden per item",
          intro: "De verdeling van de antwoorden op elke stelling over ervaring, voor de hele school.",
          chartTitle: "Antwoorden per item (hele school)",
        },
      ),
    );
  const sums = await context.store.analysis.reliability(
    selection(source, { school: school.code, wave }),
    constructs.map((c) => ({ construct: c, items: reliabilityItems(instrument, c) })),
  );
  const reliability = unwrap(constructReliability(instrument, plan, sums, { privacy }));
  sections.push(reliabilitySection(reliability, k));
  const open = unwrap(
    await openAnswers(
      instrument,
      totalPlan,
      current,
      { items: texts, privacy },
      textReader(context, source, { school: school.code, wave }),
    ),
  );
  if (open.items.length > 0)
    sections.push(
      openSection(open, open.total, privacy.kText, {
        intro:
          "Open antwoorden worden alleen getoond voor de hele school en alleen als minstens {kText} ouders de vraag kregen, zodat niemand herkenbaar is.",
      }),
    );

  const facts: Fact[] = [
    fact("respons", msg.factResponseRate, rateCell(table.total, k)),
    fact("respondenten", msg.factRespondents, countCell(table.total.responses, k)),
  ];
  const groepen = rows
    .map((r) => r.key.find((l) => l.dimension === "groep"))
    .filter((l) => l !== undefined && l.code !== "");
  return {
    ...head,
    title: msg.klassenTitle(school.name),
    subtitle: msg.klassenSubtitle(waveLabel(wave).name, previous === null ? null : waveLabel(previous).name),
    about: {
      school: labeled(school),
      wave: waveLabel(wave),
      ...(previous === null ? {} : { previousWave: waveLabel(previous) }),
    },
    links: groepen.map((l) => ({
      kind: "groep",
      label: l!.label,
      params: { school: school.id, wave, groep: l!.code },
    })),
    facts,
    // the summary reads the sections below, so it is made last and shown first
    sections: [
      summarySection({
        total: table.total,
        change:
          comparison === undefined || previous === null
            ? null
            : { previousLabel: waveLabel(previous).name, total: comparison.total },
        reliability,
        k,
        actions: actionSummaryLines(actionPoints, wave, comparison, groepLabel, k),
      }),
      ...sections,
    ],
    method: [
      ...methodSection(privacy, table.constructs),
      ...(reference === null
        ? []
        : [{ heading: referenceMessages.methodHeading, text: referenceMessages.methodText }]),
    ],
  };
}
