import { classHeatmap, likertBars, responseRate } from "@zaz/charts";
import type { Framework } from "@zaz/model";
import {
  aggregateConstructs,
  type ConstructInfo,
  type ConstructTable,
  compareWaves,
  constructReliability,
  type ItemTable,
  type OpenAnswerTable,
  openAnswers,
  summariseItems,
  type WaveComparison,
} from "@zaz/survey";
import { countCell, hiddenCell, meanCell, round, signed } from "./format-cell.js";
import { instrumentOf, previousWave, type ReportContext, ReportError, responsesOf } from "./load.js";
import { reportMessages as msg } from "./messages.js";
import { methodSection } from "./method.js";
import { reliabilitySection } from "./reliability-section.js";
import {
  formatNumber,
  formatPercent,
  type Report,
  type ReportChart,
  type ReportSection,
  type ReportTable,
  type ReportValue,
} from "./report.js";
import { shortLabel } from "./short-label.js";
import { toChart } from "./to-chart.js";
import { unwrap } from "./unwrap.js";

const instrumentId = "ouderpopulatie";

/**
 * The director's view: class-level engagement of one school in one wave — per groep and construct,
 * with n, response rate and the change since the previous wave.
 */
export async function klassenReport(
  context: ReportContext,
  params: { school: string; wave: string },
): Promise<Report> {
  const { school, wave } = params;
  const instrument = instrumentOf(context, instrumentId);
  const { privacy } = context;
  const { k, kText } = privacy;
  const waves = await context.store.contextValues(instrumentId, "wave", { school });
  if (!waves.includes(wave)) {
    const schools = await context.store.contextValues(instrumentId, "school");
    throw new ReportError(
      msg.noResponses(`school "${school}" in meting ${wave}`, waves.length > 0 ? waves : schools),
    );
  }
  const previous = previousWave(waves, wave);
  const current = await responsesOf(context, instrumentId, { school, wave });
  const roster = await context.store.roster({ school, wave });
  const scope = { school, wave };
  const table = unwrap(aggregateConstructs(instrument, current, { scope, by: ["groep"], roster, privacy }));

  const sections: ReportSection[] = [responseSection(table, k)];
  for (const framework of ["bakker", "partnerschap"] as const) {
    sections.push(frameworkSection(table, framework, k));
  }
  if (previous !== null) {
    const both = await responsesOf(context, instrumentId, { school, wave: [previous, wave] });
    const change = unwrap(
      compareWaves(instrument, both, { scope: { school }, by: ["groep"], current: wave, previous, privacy }),
    );
    sections.push(changeSection(change, k));
  }
  const bakkerItems = instrument.items.filter((i) =>
    i.constructs.some((c) => table.constructs.find((x) => x.id === c)?.framework === "bakker"),
  );
  const items = unwrap(
    summariseItems(instrument, current, { scope, items: bakkerItems.map((i) => i.id), privacy }),
  );
  sections.push(
    itemSection(
      items,
      instrument.scales.find((s) => s.id === bakkerItems[0]?.scale),
      k,
    ),
  );
  sections.push(reliabilitySection(unwrap(constructReliability(instrument, current, { scope, privacy })), k));
  const open = unwrap(openAnswers(instrument, current, { scope, privacy }));
  sections.push(openSection(open, kText));

  return {
    kind: "klassen",
    title: msg.klassenTitle(school),
    subtitle: msg.klassenSubtitle(wave, previous),
    generatedAt: context.now().toISOString(),
    privacy: { k, kText },
    sections,
    method: methodSection(privacy, table.constructs),
  };
}

function groepLabel(key: ConstructTable["groups"][number]["key"]): string {
  return key.map((g) => g.label).join(", ");
}

function responseSection(table: ConstructTable, k: number): ReportSection {
  const rows = [...table.groups, table.total].map((g, i) => {
    const total = i === table.groups.length;
    const rate = g.responseRate;
    return {
      groep: total ? msg.total : groepLabel(g.key),
      n: countCell(g.responses, k),
      gezinnen: rate.status === "shown" ? rate.value.families : null,
      respons:
        rate.status === "shown"
          ? {
              text: formatPercent(rate.value.rate),
              value: round(rate.value.rate),
              n: rate.n,
              status: "shown" as const,
            }
          : hiddenCell(rate, k),
    } satisfies Record<string, ReportValue>;
  });
  const chart = responseRate({
    title: "Respons per groep",
    rows: table.groups.map((g) => {
      const rate = g.responseRate;
      const code = g.key[0]?.code ?? "";
      return rate.status === "shown"
        ? {
            groep: code,
            groepLabel: groepLabel(g.key),
            responses: rate.n,
            families: rate.value.families,
            rate: Math.min(1, rate.value.rate),
          }
        : {
            groep: code,
            groepLabel: groepLabel(g.key),
            responses: null,
            families: null,
            rate: null,
            suppressed: rate.status === "suppressed",
            reason: rate.label,
          };
    }),
  });
  return {
    id: "respons",
    heading: "Respons per groep",
    intro: "Hoeveel gezinnen per groep de vragenlijst invulden, naast het aantal gezinnen op de groepslijst.",
    tables: [
      {
        id: "respons",
        caption: "Respons per groep",
        columns: [
          { key: "groep", title: "groep" },
          { key: "n", title: "ingevuld", align: "right" },
          { key: "gezinnen", title: "gezinnen", align: "right" },
          { key: "respons", title: "respons", align: "right" },
        ],
        rows,
        notes: [msg.legendHidden(k)],
      },
    ],
    charts: [toChart("respons-per-groep", chart)],
  };
}

const frameworkText: Record<Framework, { heading: string; intro: string; caption: string }> = {
  bakker: {
    heading: "Ervaring van ouders met de school",
    intro:
      "Hoe ouders de school ervaren volgens de vier condities van Bakker e.a. (2013), het uitnodigend klimaat en positieve feedback aan ouders: gemiddelde op een schaal van 1 (helemaal mee oneens) tot 5 (helemaal mee eens).",
    caption: "Ervaring per groep en conditie",
  },
  partnerschap: {
    heading: "Eigen betrokkenheid per vorm van partnerschap",
    intro:
      "Hoe vaak ouders zelf meedoen, per vorm van partnerschap (Oostdam & De Vries, 2014): gemiddelde van 1 (nooit) tot 4 (vaak).",
    caption: "Betrokkenheid per groep en vorm",
  },
};

function frameworkSection(table: ConstructTable, framework: Framework, k: number): ReportSection {
  const constructs = table.constructs.filter((c) => c.framework === framework);
  const text = frameworkText[framework];
  const rows = [...table.groups, table.total].map((g, i) => {
    const row: Record<string, ReportValue> = {
      groep: i === table.groups.length ? msg.total : groepLabel(g.key),
    };
    for (const c of constructs) {
      const cell = g.constructs[c.id];
      row[c.id] = cell === undefined ? null : meanCell(cell, k, (v) => ({ mean: v.mean, ci: v.ci }));
    }
    return row;
  });
  const tableOut: ReportTable = {
    id: `groep-${framework}`,
    caption: text.caption,
    columns: [
      { key: "groep", title: "groep" },
      ...constructs.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
    ],
    rows,
    notes: [msg.legendMean, ...constructs.map((c) => `${shortLabel(c)}: ${c.name}`), msg.legendHidden(k)],
  };
  const scale = constructs[0]?.scale;
  const chart = classHeatmap({
    title: text.caption,
    scaleMin: scale?.min ?? 1,
    scaleMax: scale?.max ?? 5,
    rows: table.groups.flatMap((g) =>
      constructs.map((c) => {
        const cell = g.constructs[c.id];
        const base = {
          groep: g.key[0]?.code ?? "",
          groepLabel: groepLabel(g.key),
          construct: c.id,
          constructLabel: c.name,
          framework,
        };
        return cell?.status === "shown"
          ? { ...base, mean: cell.value.mean, n: cell.n, suppressed: false }
          : {
              ...base,
              mean: null,
              n: null,
              suppressed: cell?.status === "suppressed",
              ...(cell ? { reason: cell.label } : {}),
            };
      }),
    ),
  });
  return {
    id: `ervaring-${framework}`,
    heading: text.heading,
    intro: text.intro,
    tables: [tableOut],
    charts: [toChart(`heatmap-${framework}`, chart)],
  };
}

function changeSection(change: WaveComparison, k: number): ReportSection {
  const constructs: readonly ConstructInfo[] = change.constructs;
  const rows = constructs.map((c) => {
    const cell = change.total.constructs[c.id];
    if (cell?.status !== "shown") {
      const hidden = cell ? hiddenCell(cell, k) : { text: "–" };
      return { construct: c.name, vorige: hidden, nu: hidden, verschil: hidden };
    }
    const v = cell.value;
    return {
      construct: c.name,
      vorige: {
        text: `${formatNumber(v.previous.mean)} (${v.previous.n})`,
        value: round(v.previous.mean),
        n: v.previous.n,
      },
      nu: {
        text: `${formatNumber(v.current.mean)} (${v.current.n})`,
        value: round(v.current.mean),
        n: v.current.n,
      },
      verschil: {
        text: v.ci ? `${signed(v.change)} [${signed(v.ci.low)}; ${signed(v.ci.high)}]` : signed(v.change),
        value: round(v.change),
        n: cell.n,
        status: "shown" as const,
      },
    } satisfies Record<string, ReportValue>;
  });
  const groepRows = change.groups.map((g) => {
    const row: Record<string, ReportValue> = { groep: groepLabel(g.key) };
    for (const c of constructs) {
      const cell = g.constructs[c.id];
      row[c.id] =
        cell?.status !== "shown"
          ? cell
            ? hiddenCell(cell, k)
            : null
          : {
              text: signed(cell.value.change),
              value: round(cell.value.change),
              n: cell.n,
              status: "shown",
              ...(cell.value.ci ? { title: msg.interval(cell.value.ci.low, cell.value.ci.high) } : {}),
            };
    }
    return row;
  });
  const bakker = constructs.filter((c) => c.framework === "bakker");
  return {
    id: "verandering",
    heading: `Verandering sinds ${change.previous.label}`,
    intro: `Verschil tussen meting ${change.current.label} en ${change.previous.label} (nu − vorige), met 95%-interval (Welch). Alleen items die in beide metingen hetzelfde zijn tellen mee${change.notComparable.length > 0 ? `; niet vergelijkbaar: ${change.notComparable.join(", ")}` : ""}.`,
    tables: [
      {
        id: "verandering-school",
        caption: "Verandering op schoolniveau",
        columns: [
          { key: "construct", title: "schaal", wrap: true },
          { key: "vorige", title: "vorige", align: "right" },
          { key: "nu", title: "nu", align: "right" },
          { key: "verschil", title: "verschil [95%-int.]", align: "right" },
        ],
        rows,
        notes: ["Tussen haakjes: aantal respondenten met een score.", msg.legendHidden(k)],
      },
      {
        id: "verandering-groep",
        caption: "Verandering per groep (ervaring)",
        columns: [
          { key: "groep", title: "groep" },
          ...bakker.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
        ],
        rows: groepRows,
        notes: [
          "Verschil in gemiddelde, nu − vorige meting; het 95%-interval staat in de HTML- en JSON-uitvoer.",
          msg.legendHidden(k),
        ],
      },
    ],
    charts: [],
  };
}

function itemSection(
  items: ItemTable,
  scale: { labels: { code: number; label: string }[]; neutral?: number | undefined } | undefined,
  k: number,
): ReportSection {
  const rows = items.items.map((info) => {
    const cell = items.total.items[info.id];
    if (cell?.status !== "shown") {
      const hidden = cell ? hiddenCell(cell, k) : null;
      return { item: info.text, n: hidden, eens: hidden, gemiddelde: hidden };
    }
    const v = cell.value;
    return {
      item: info.text + (info.reverse ? " (omgescoord)" : ""),
      n: cell.n,
      eens:
        v.agreeShare === null
          ? null
          : { text: formatPercent(v.agreeShare), value: round(v.agreeShare), n: cell.n },
      gemiddelde: v.mean === null ? null : { text: formatNumber(v.mean), value: round(v.mean), n: cell.n },
    } satisfies Record<string, ReportValue>;
  });
  const charts: ReportChart[] = [];
  if (scale) {
    const chart = likertBars({
      title: "Antwoorden per item (hele school)",
      scale: {
        labels: scale.labels.map((l) => ({ code: l.code, label: l.label })),
        ...(scale.neutral === undefined ? {} : { neutral: scale.neutral }),
      },
      items: items.items.map((info) => {
        const cell = items.total.items[info.id];
        if (cell?.status !== "shown")
          return {
            id: info.id,
            text: info.text,
            n: null,
            counts: null,
            missing: null,
            suppressed: cell?.status === "suppressed",
            ...(cell ? { reason: cell.label } : {}),
          };
        const counts: Record<number, number> = {};
        const missing: Record<string, number> = {};
        for (const a of cell.value.distribution) {
          if (a.code !== null) counts[a.code] = a.count;
          else if (a.missing !== null) missing[a.missing] = a.count;
        }
        return { id: info.id, text: info.text, n: cell.n, counts, missing };
      }),
    });
    charts.push(toChart("items-likert", chart));
  }
  return {
    id: "items",
    heading: "Antwoorden per item",
    intro:
      "De verdeling van de antwoorden op elke stelling over ervaring, voor de hele school. Items die omgekeerd geformuleerd zijn, staan zoals gevraagd; in de schaalscores zijn ze omgescoord.",
    tables: [
      {
        id: "items",
        caption: "Items: aantal, % (helemaal) mee eens, gemiddelde",
        columns: [
          { key: "item", title: "stelling", wrap: true },
          { key: "n", title: "n", align: "right" },
          { key: "eens", title: "% eens", align: "right" },
          { key: "gemiddelde", title: "gem.", align: "right" },
        ],
        rows,
        notes: [
          "n: respondenten met een geldig antwoord (weet niet, n.v.t. en leeg tellen niet mee).",
          msg.legendHidden(k),
        ],
      },
    ],
    charts,
  };
}

function openSection(open: OpenAnswerTable, kText: number): ReportSection {
  const tables: ReportTable[] = open.items.map((info) => {
    const cell = open.total.items[info.id];
    const rows: Record<string, ReportValue>[] =
      cell?.status === "shown"
        ? cell.value.map((text) => ({ antwoord: text }))
        : [{ antwoord: cell ? { text: `(${cell.label})`, status: cell.status } : "(geen gegevens)" }];
    return {
      id: `open-${info.id}`,
      caption: info.text,
      columns: [{ key: "antwoord", title: "antwoord", wrap: true }],
      rows,
      notes: cell?.status === "shown" ? [`${cell.value.length} antwoorden van ${cell.n} respondenten.`] : [],
    };
  });
  return {
    id: "open",
    heading: "Open antwoorden",
    intro: `Open antwoorden worden alleen getoond voor de hele school en alleen als minstens ${kText} ouders de vraag kregen, zodat niemand herkenbaar is.`,
    tables,
    charts: [],
  };
}
