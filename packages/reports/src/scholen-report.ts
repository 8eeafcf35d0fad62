import { partnershipProfile, trend } from "@zaz/charts";
import {
  aggregateConstructs,
  type ConstructInfo,
  type ConstructTable,
  compareToParent,
  constructReliability,
} from "@zaz/survey";
import { intervalRow } from "./chart-rows.js";
import { constructMatrix, groupLabel } from "./construct-matrix.js";
import { countCell, hiddenCell, round, signed } from "./format-cell.js";
import { instrumentOf, type ReportContext, ReportError, responsesOf } from "./load.js";
import { reportMessages as msg } from "./messages.js";
import { methodSection } from "./method.js";
import { reliabilitySection } from "./reliability-section.js";
import { formatNumber, formatPercent, type Report, type ReportSection, type ReportValue } from "./report.js";
import { shortLabel } from "./short-label.js";
import { toChart } from "./to-chart.js";
import { unwrap } from "./unwrap.js";

const instrumentId = "ouderpopulatie";

/** The leerteam's view: the schools of a board side by side and over waves. */
export async function scholenReport(context: ReportContext, params: { bestuur: string }): Promise<Report> {
  const { bestuur } = params;
  const instrument = instrumentOf(context, instrumentId);
  const { privacy } = context;
  const { k, kText } = privacy;
  const waves = (await context.store.contextValues(instrumentId, "wave", { bestuur })).sort();
  if (waves.length === 0) {
    throw new ReportError(
      msg.noResponses(
        `schoolbestuur "${bestuur}"`,
        await context.store.contextValues(instrumentId, "bestuur"),
      ),
    );
  }
  const latest = waves[waves.length - 1] ?? "";
  const all = await responsesOf(context, instrumentId, { bestuur });
  const sections: ReportSection[] = [];

  const byWave = unwrap(aggregateConstructs(instrument, all, { scope: { bestuur }, by: ["wave"], privacy }));
  sections.push(trendSection(byWave, k));

  const roster = await context.store.roster({ wave: latest });
  const current = all.filter((r) => r.context.wave === latest);
  const schools = unwrap(
    aggregateConstructs(instrument, current, {
      scope: { bestuur, wave: latest },
      by: ["school"],
      roster,
      privacy,
    }),
  );
  sections.push({
    id: "scholen",
    heading: `Scholen naast elkaar, meting ${latest}`,
    intro:
      "Per school het gemiddelde per conditie van Bakker e.a. en per vorm van partnerschap, met het aantal respondenten. De laatste regel is het hele bestuur.",
    tables: [
      responseTable(schools, k),
      constructMatrix(
        schools,
        schools.constructs.filter((c) => c.framework === "bakker"),
        k,
        {
          id: "scholen-bakker",
          caption: "Ervaring van ouders per school",
          rowTitle: "school",
        },
      ),
      constructMatrix(
        schools,
        schools.constructs.filter((c) => c.framework === "partnerschap"),
        k,
        {
          id: "scholen-partnerschap",
          caption: "Eigen betrokkenheid per school",
          rowTitle: "school",
        },
      ),
    ],
    charts: [toChart("profielen", profileChart(schools))],
  });
  const parent = unwrap(
    compareToParent(instrument, current, { scope: { bestuur, wave: latest }, by: ["school"], privacy }),
  );
  const bakker = parent.constructs.filter((c) => c.framework === "bakker");
  sections.push({
    id: "vergelijking",
    heading: "Elke school tegen het bestuur",
    intro:
      "Hoeveel een school afwijkt van de rest van het bestuur, als effectgrootte (Hedges' g): positief is gunstiger dan de rest. Rond 0,2 is klein, rond 0,5 middelgroot. Het verschil op de schaal en het 95%-interval van g staan in de HTML- en JSON-uitvoer.",
    tables: [
      {
        id: "vergelijking",
        caption: "Hedges' g van elke school tegen de rest van het bestuur",
        columns: [
          { key: "school", title: "school" },
          ...bakker.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
        ],
        rows: parent.groups.map((g) => {
          const row: Record<string, ReportValue> = { school: groupLabel(g.key) };
          for (const c of bakker) {
            const cell = g.constructs[c.id];
            row[c.id] =
              cell?.status !== "shown"
                ? cell
                  ? hiddenCell(cell, k)
                  : null
                : {
                    text: cell.value.hedgesG ? signed(cell.value.hedgesG.g, 2) : "–",
                    value: cell.value.hedgesG ? round(cell.value.hedgesG.g) : round(cell.value.difference),
                    n: cell.n,
                    status: "shown",
                    title: `verschil ${signed(cell.value.difference, 2)} op de schaal${cell.value.hedgesG ? `; g ${formatNumber(cell.value.hedgesG.g, 2)} [${formatNumber(cell.value.hedgesG.low, 2)}; ${formatNumber(cell.value.hedgesG.high, 2)}]` : ""}`,
                  };
          }
          return row;
        }),
        notes: [...bakker.map((c) => `${shortLabel(c)}: ${c.name}`), msg.legendHidden(k)],
      },
    ],
    charts: [],
  });
  sections.push(
    reliabilitySection(
      unwrap(constructReliability(instrument, current, { scope: { bestuur, wave: latest }, privacy })),
      k,
    ),
  );
  return {
    kind: "scholen",
    title: msg.scholenTitle(bestuur),
    subtitle: msg.scholenSubtitle(waves),
    generatedAt: context.now().toISOString(),
    privacy: { k, kText },
    sections,
    method: methodSection(privacy, schools.constructs),
  };
}

function responseTable(table: ConstructTable, k: number) {
  return {
    id: "respons",
    caption: "Respons per school",
    columns: [
      { key: "school", title: "school" },
      { key: "n", title: "ingevuld", align: "right" as const },
      { key: "gezinnen", title: "gezinnen", align: "right" as const },
      { key: "respons", title: "respons", align: "right" as const },
    ],
    rows: [...table.groups, table.total].map((g, i) => ({
      school: i === table.groups.length ? msg.total : groupLabel(g.key),
      n: countCell(g.responses, k),
      gezinnen: g.responseRate.status === "shown" ? g.responseRate.value.families : null,
      respons:
        g.responseRate.status === "shown"
          ? {
              text: formatPercent(g.responseRate.value.rate),
              value: round(g.responseRate.value.rate),
              n: g.responseRate.n,
            }
          : hiddenCell(g.responseRate, k),
    })),
    notes: [msg.legendHidden(k)],
  };
}

function trendSection(byWave: ConstructTable, k: number): ReportSection {
  const bakker = byWave.constructs.filter((c) => c.framework === "bakker");
  const scale = bakker[0]?.scale;
  const chart = trend({
    title: "Ervaring van ouders over de metingen (hele bestuur)",
    scaleMin: scale?.min ?? 1,
    scaleMax: scale?.max ?? 5,
    rows: byWave.groups.flatMap((g) =>
      bakker.map((c) => {
        const cell = g.constructs[c.id];
        const base = { wave: g.key[0]?.label ?? "", construct: c.id, constructLabel: c.name };
        return intervalRow(base, cell);
      }),
    ),
  });
  return {
    id: "trend",
    heading: "Over de metingen",
    intro: "Het bestuursgemiddelde per meting, met 95%-interval.",
    tables: (["bakker", "partnerschap"] as const).map((framework) =>
      constructMatrix(
        byWave,
        byWave.constructs.filter((c) => c.framework === framework),
        k,
        {
          id: `trend-${framework}`,
          caption:
            framework === "bakker"
              ? "Ervaring per meting (hele bestuur)"
              : "Betrokkenheid per meting (hele bestuur)",
          rowTitle: "meting",
          total: false,
        },
      ),
    ),
    charts: [toChart("trend", chart)],
  };
}

function profileChart(table: ConstructTable) {
  const forms: readonly ConstructInfo[] = table.constructs.filter((c) => c.framework === "partnerschap");
  const scale = forms[0]?.scale;
  const series = [
    ...table.groups.map((g) => ({ label: groupLabel(g.key), g })),
    { label: "Bestuur", g: table.total },
  ];
  return partnershipProfile({
    title: "Profiel van betrokkenheid per vorm van partnerschap",
    scaleMin: scale?.min ?? 1,
    scaleMax: scale?.max ?? 4,
    rows: series.flatMap(({ label, g }) =>
      forms.map((c) => {
        const cell = g.constructs[c.id];
        const base = { form: c.concept?.split(":")[1] ?? c.id, formLabel: c.name, series: label };
        return intervalRow(base, cell);
      }),
    ),
  });
}
