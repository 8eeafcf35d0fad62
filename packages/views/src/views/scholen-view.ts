import { partnershipProfile, trend } from "@zaz/charts";
import { type Instrument, InstrumentRole, sortWaves } from "@zaz/model";
import {
  type ConstructInfo,
  type ConstructTable,
  compareToParent,
  compareWaves,
  constructReliability,
  constructTable,
  type ParentComparison,
  planGroups,
  reliabilityItems,
} from "@zaz/survey";
import { countCell, hiddenCell } from "../cells.js";
import { directoryOf, findBestuur, labeled } from "../data/directory.js";
import { groupedData, noData } from "../data/grouped.js";
import { waveLabel } from "../data/names.js";
import { selection, sourceFor } from "../data/source.js";
import { formatNumber, round, signed } from "../format.js";
import { ViewError } from "../messages.js";
import { methodSection } from "../method.js";
import { changeSection } from "../sections/change-section.js";
import { intervalRow } from "../sections/chart-rows.js";
import { constructMatrix, groupLabel } from "../sections/construct-matrix.js";
import { constructSections } from "../sections/construct-sections.js";
import { constructGroups } from "../sections/framework.js";
import { reliabilitySection } from "../sections/reliability-section.js";
import { rateCell, responseSection } from "../sections/response-section.js";
import { shortLabel } from "../sections/short-label.js";
import { type SummaryInput, summarySection } from "../sections/summary-section.js";
import { toChart } from "../sections/to-chart.js";
import type { CellValue, Section, View } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { fact, msg, unwrap, viewHead } from "./view-base.js";

const role = InstrumentRole.ouderpopulatie;

/** The leerteam's view: the schools of a board side by side, over waves in time order. */
export async function scholenView(context: ViewContext, params: { bestuur: string }): Promise<View> {
  const head = await viewHead(context, "scholen");
  const directory = await directoryOf(context.store);
  const bestuur = findBestuur(directory, params.bestuur);
  if (bestuur === undefined)
    throw new ViewError(
      msg.noResponses(
        `schoolbestuur "${params.bestuur}"`,
        directory.besturen.map((b) => b.name),
      ),
    );
  const source = await sourceFor(context, role, { bestuur: bestuur.code });
  if (source === null) throw new ViewError(msg.noResponses(`schoolbestuur "${bestuur.name}"`, []));
  const { privacy } = context;
  const k = privacy.k;
  const waves = sortWaves(
    (await context.store.analysis.values(selection(source, { bestuur: bestuur.code }), ["wave"]))
      .map((v) => v.values.wave ?? "")
      .filter((w) => w !== ""),
  );
  const latest = waves.at(-1) ?? "";
  const previous = waves.at(-2) ?? null;
  const instrument: Instrument =
    (await sourceFor(context, role, { bestuur: bestuur.code, wave: latest }))?.instrument ??
    source.instrument;
  const constructs = instrument.constructs.map((c) => c.id);
  const sections: Section[] = [];

  // Over the waves: the board per wave, each wave's interval widened for its groepen.
  const byWavePlan = unwrap(planGroups(instrument, { scope: { bestuur: bestuur.code }, by: ["wave"] }));
  const byWaveData =
    (
      await groupedData(
        context,
        source,
        { bestuur: bestuur.code },
        {
          by: ["wave"],
          clusters: ["wave", "school", "groep"],
          constructs,
        },
      )
    ).get("") ?? noData;
  const byWave = unwrap(constructTable(instrument, byWavePlan, byWaveData, { privacy }));
  const ordered = [...byWave.groups].sort(
    (a, b) => waves.indexOf(a.key[0]?.code ?? "") - waves.indexOf(b.key[0]?.code ?? ""),
  );
  sections.push(trendSection(byWave, ordered, k));

  // The schools in the latest wave (and the one before, for the change).
  const plan = unwrap(
    planGroups(instrument, { scope: { bestuur: bestuur.code, wave: latest }, by: ["school"] }),
  );
  const data = await groupedData(
    context,
    source,
    { bestuur: bestuur.code, wave: previous === null ? latest : [latest, previous] },
    // Item frequencies tell which items both waves answered: only those make a change comparable.
    {
      split: "wave",
      by: ["school"],
      clusters: ["school", "groep"],
      constructs,
      items: instrument.items.filter((i) => i.type === "scale" && i.constructs.length > 0).map((i) => i.id),
      itemsFor: "total",
    },
  );
  const current = data.get(latest) ?? noData;
  const roster = await context.store.roster({ wave: latest });
  const schools = unwrap(constructTable(instrument, plan, current, { roster, privacy }));
  sections.push(
    responseSection(schools, schools.groups, k, {
      id: "respons-scholen",
      heading: `Respons per school, meting ${waveLabel(latest).name}`,
      intro:
        "Hoeveel gezinnen per school de vragenlijst invulden, naast het aantal gezinnen op de groepslijsten.",
      rowTitle: "school",
    }),
  );
  for (const section of constructSections(instrument, schools, schools.groups, k, "school"))
    sections.push({
      ...section,
      id: `scholen-${section.id}`,
      heading: `${section.heading}: scholen naast elkaar, meting ${waveLabel(latest).name}`,
      intro: `${section.intro} De laatste regel is het hele bestuur.`,
    });
  const forms = schools.constructs.filter((c) => c.framework === "partnerschap");
  if (forms.length > 0) sections.push(profileSection(schools, forms));

  let changeTotal: SummaryInput["change"] = null;
  if (previous !== null) {
    const prevInstrument =
      (await sourceFor(context, role, { bestuur: bestuur.code, wave: previous }))?.instrument ?? instrument;
    const waveless = unwrap(planGroups(instrument, { scope: { bestuur: bestuur.code }, by: ["school"] }));
    const change = unwrap(
      compareWaves(instrument, waveless, current, data.get(previous) ?? noData, {
        current: latest,
        previous,
        previousInstrument: prevInstrument,
        privacy,
      }),
    );
    changeTotal = { previousLabel: waveLabel(previous).name, total: change.total };
    sections.push(
      changeSection(
        {
          ...change,
          previous: { ...change.previous, label: waveLabel(previous).name },
          current: { ...change.current, label: waveLabel(latest).name },
        },
        change.groups,
        k,
        { rowTitle: "school", groupCaption: "Verandering per school" },
      ),
    );
  }
  sections.push(parentSection(unwrap(compareToParent(instrument, plan, current, { privacy })), k));
  const sums = await context.store.analysis.reliability(
    selection(source, { bestuur: bestuur.code, wave: latest }),
    constructs.map((c) => ({ construct: c, items: reliabilityItems(instrument, c) })),
  );
  const reliability = unwrap(constructReliability(instrument, plan, sums, { privacy }));
  sections.push(reliabilitySection(reliability, k));

  return {
    ...head,
    title: msg.scholenTitle(bestuur.name),
    subtitle: msg.scholenSubtitle(waves.map((w) => waveLabel(w).name)),
    about: {
      bestuur: labeled(bestuur),
      wave: waveLabel(latest),
      ...(previous === null ? {} : { previousWave: waveLabel(previous) }),
    },
    links: bestuur.schools.map((s) => ({
      kind: "klassen",
      label: s.name,
      params: { school: s.id, wave: latest },
    })),
    facts: [
      fact("respons", `${msg.factResponseRate} ${waveLabel(latest).name}`, rateCell(schools.total, k)),
      fact(
        "respondenten",
        `${msg.factRespondents} ${waveLabel(latest).name}`,
        countCell(schools.total.responses, k),
      ),
    ],
    // the summary of the board in the latest wave reads the sections below: made last, shown first
    sections: [summarySection({ total: schools.total, change: changeTotal, reliability, k }), ...sections],
    method: methodSection(privacy, schools.constructs),
  };
}

function trendSection(byWave: ConstructTable, ordered: ConstructTable["groups"], k: number): Section {
  const groups = constructGroups(byWave.constructs);
  const first = groups[0]?.constructs ?? [];
  const scale = first[0]?.scale;
  const chart = trend({
    title: "Ervaring van ouders over de metingen (hele bestuur)",
    scaleMin: scale?.min ?? 1,
    scaleMax: scale?.max ?? 5,
    rows: ordered.flatMap((g) =>
      first.map((c) =>
        intervalRow(
          { wave: waveLabel(g.key[0]?.code ?? "").name, construct: c.id, constructLabel: c.name },
          g.constructs[c.id],
        ),
      ),
    ),
  });
  return {
    id: "trend",
    heading: "Over de metingen",
    intro:
      "Het bestuursgemiddelde per meting, met 95%-interval; de metingen staan in de volgorde waarin ze zijn gehouden.",
    tables: groups.map((spec) =>
      constructMatrix(byWave, spec.constructs, k, {
        id: `trend-${spec.id}`,
        caption:
          spec.framework === "bakker"
            ? "Ervaring per meting (hele bestuur)"
            : spec.framework === "partnerschap"
              ? "Betrokkenheid per meting (hele bestuur)"
              : "Overige schalen per meting",
        rowTitle: "meting",
        total: false,
        rows: ordered.map((g) => ({
          ...g,
          key: g.key.map((l) => ({ ...l, label: waveLabel(l.code).name })),
        })),
      }),
    ),
    charts: [toChart("trend", chart)],
  };
}

function profileSection(table: ConstructTable, forms: readonly ConstructInfo[]): Section {
  const scale = forms[0]?.scale;
  const series = [
    ...table.groups.map((g) => ({ label: groupLabel(g.key), g })),
    { label: "Bestuur", g: table.total },
  ];
  const chart = partnershipProfile({
    title: "Profiel van betrokkenheid per vorm van partnerschap",
    scaleMin: scale?.min ?? 1,
    scaleMax: scale?.max ?? 4,
    rows: series.flatMap(({ label, g }) =>
      forms.map((c) =>
        intervalRow(
          { form: c.concept?.split(":")[1] ?? c.id, formLabel: c.name, series: label },
          g.constructs[c.id],
        ),
      ),
    ),
  });
  return {
    id: "profielen",
    heading: "Profielen van betrokkenheid",
    intro: "Per school het gemiddelde per vorm van partnerschap met 95%-interval, naast het bestuur.",
    tables: [],
    charts: [toChart("profielen", chart)],
  };
}

function parentSection(parent: ParentComparison, k: number): Section {
  const first = constructGroups(parent.constructs)[0]?.constructs ?? [];
  return {
    id: "vergelijking",
    heading: "Elke school tegen de rest van het bestuur",
    intro:
      "Hoeveel een school afwijkt van de rest van het bestuur, als effectgrootte (Hedges' g): positief is gunstiger dan de rest. Rond 0,2 is klein, rond 0,5 middelgroot. Het verschil op de schaal en het 95%-interval van g staan in de HTML- en JSON-uitvoer.",
    tables: [
      {
        id: "vergelijking",
        caption: "Hedges' g van elke school tegen de rest van het bestuur",
        columns: [
          { key: "school", title: "school" },
          ...first.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
        ],
        rows: parent.groups.map((g) => {
          const row: Record<string, CellValue> = { school: groupLabel(g.key) };
          for (const c of first) {
            const cell = g.constructs[c.id];
            if (cell?.status !== "shown") {
              row[c.id] = hiddenCell(cell, k);
              continue;
            }
            const h = cell.value.hedgesG;
            row[c.id] = {
              status: "shown",
              text: h ? signed(h.g, 2) : "–",
              value: h ? round(h.g) : round(cell.value.difference),
              n: cell.n,
              ...(h ? { low: round(h.low), high: round(h.high) } : {}),
              title: `verschil ${signed(cell.value.difference, 2)} op de schaal${h ? `; g ${formatNumber(h.g, 2)} [${formatNumber(h.low, 2)}; ${formatNumber(h.high, 2)}]` : ""}`,
            };
          }
          return row;
        }),
        notes: [...first.map((c) => `${shortLabel(c)}: ${c.name}`), msg.legendHidden(k)],
      },
    ],
    charts: [],
  };
}
