import { jaShare } from "@zaz/charts";
import { type Instrument, leerlijnLinks, profieleisen, profieleisenForItem } from "@zaz/model";
import {
  aggregateConstructs,
  filterIsSafe,
  type ItemTable,
  type JaTable,
  jaShares,
  summariseItems,
} from "@zaz/survey";
import { jaShareRow } from "./chart-rows.js";
import { constructMatrix, groupLabel } from "./construct-matrix.js";
import { hiddenCell, round } from "./format-cell.js";
import { instrumentOf, type ReportContext, ReportError, responsesOf } from "./load.js";
import { reportMessages as msg } from "./messages.js";
import { methodSection } from "./method.js";
import {
  formatNumber,
  formatPercent,
  type Report,
  type ReportChart,
  type ReportSection,
  type ReportTable,
  type ReportValue,
} from "./report.js";
import { toChart } from "./to-chart.js";
import { unwrap } from "./unwrap.js";

/**
 * The Pabo lecturer's view: what opleidingsouders and observers say, by phase, cohort and kind of
 * conversation, mapped to the profieleisen — only in aggregates over at least k students.
 */
export async function leerlijnReport(
  context: ReportContext,
  params: { opleiding: string; cohort?: string },
): Promise<Report> {
  const { privacy } = context;
  const { k, kText } = privacy;
  const oo = instrumentOf(context, "opleidingsouders");
  const obs = instrumentOf(context, "observatie");
  const opleidingCode =
    codeOf(oo, "opleiding", params.opleiding) ??
    codeOf(obs, "opleiding", params.opleiding) ??
    params.opleiding;
  const where: Record<string, string> = { opleiding: opleidingCode };
  if (params.cohort !== undefined) where.cohort = params.cohort;
  const [feedback, observations] = await Promise.all([
    responsesOf(context, oo.id, where),
    responsesOf(context, obs.id, where),
  ]);
  if (feedback.length === 0 && observations.length === 0) {
    const known = [
      ...new Set([
        ...(await context.store.contextValues(oo.id, "opleiding")),
        ...(await context.store.contextValues(obs.id, "opleiding")),
      ]),
    ];
    throw new ReportError(
      msg.noResponses(
        `opleiding "${params.opleiding}"${params.cohort ? `, cohort ${params.cohort}` : ""}`,
        known,
      ),
    );
  }
  if (params.cohort !== undefined) {
    // Set beside the report for all cohorts, this one must not reveal a handful of students of the others.
    for (const instrument of [oo, obs]) {
      const whole = await responsesOf(context, instrument.id, { opleiding: opleidingCode });
      if (!filterIsSafe(instrument, whole, { cohort: params.cohort }, privacy))
        throw new ReportError(msg.cohortTooNarrow(k));
    }
  }
  const sections: ReportSection[] = [];
  let ooFase: ReturnType<typeof summariseItems> | undefined;
  if (feedback.length > 0) {
    const byFase = unwrap(aggregateConstructs(oo, feedback, { scope: where, by: ["fase"], privacy }));
    const byKind = unwrap(
      aggregateConstructs(oo, feedback, { scope: where, by: ["gesprekssoort"], privacy }),
    );
    const tables: ReportTable[] = [
      constructMatrix(byFase, byFase.constructs, k, {
        id: "oo-fase",
        caption: "Beleving van opleidingsouders per fase",
        rowTitle: "fase",
      }),
      constructMatrix(byKind, byKind.constructs, k, {
        id: "oo-soort",
        caption: "Beleving per soort gesprek",
        rowTitle: "soort gesprek",
      }),
    ];
    if (params.cohort === undefined) {
      const byCohort = unwrap(aggregateConstructs(oo, feedback, { scope: where, by: ["cohort"], privacy }));
      tables.push(
        constructMatrix(byCohort, byCohort.constructs, k, {
          id: "oo-cohort",
          caption: "Beleving per cohort",
          rowTitle: "cohort",
        }),
      );
    }
    ooFase = summariseItems(oo, feedback, { scope: where, by: ["fase"], privacy });
    const items = unwrap(ooFase);
    tables.push({
      id: "oo-vragen",
      caption: "De vijf vragen aan opleidingsouders per fase: gemiddelde (n)",
      columns: [
        { key: "vraag", title: "vraag", wrap: true },
        ...items.groups.map((g) => ({
          key: g.key[0]?.code ?? "",
          title: groupLabel(g.key),
          align: "right" as const,
        })),
      ],
      rows: items.items.map((info) => {
        const row: Record<string, ReportValue> = { vraag: info.text };
        for (const g of items.groups) {
          const cell = g.items[info.id];
          row[g.key[0]?.code ?? ""] =
            cell?.status !== "shown"
              ? cell
                ? hiddenCell(cell, k)
                : null
              : {
                  text: `${formatNumber(cell.value.mean ?? 0)} (${cell.n})`,
                  value: round(cell.value.mean ?? 0),
                  n: cell.n,
                  status: "shown",
                };
        }
        return row;
      }),
      notes: ["Schaal 1 (nee, helemaal niet) tot 4 (ja, helemaal).", msg.legendHidden(k)],
    });
    sections.push({
      id: "opleidingsouders",
      heading: "Feedback van opleidingsouders",
      intro: `Hoe opleidingsouders het gesprek met de student beleefden (seed §4.3). Alleen samengevat over groepen van minstens ${k} studenten en ${k} gesprekken; de feedback is bedoeld voor ontwikkeling, niet voor beoordeling.`,
      tables,
      charts: [],
    });
  }
  let ja: JaTable | undefined;
  if (observations.length > 0) {
    ja = unwrap(jaShares(obs, observations, { scope: where, by: ["fase"], privacy }));
    sections.push(observationSection(obs, ja, k));
  }
  sections.push(profieleisSection(obs, oo, ja, ooFase?.ok ? ooFase.value : undefined, k));
  return {
    kind: "leerlijn",
    title: msg.leerlijnTitle(labelOf(oo, "opleiding", opleidingCode)),
    subtitle: msg.leerlijnSubtitle(params.cohort),
    generatedAt: context.now().toISOString(),
    privacy: { k, kText },
    sections,
    method: methodSection(privacy, []),
  };
}

function codeOf(instrument: Instrument, dimension: string, value: string): string | undefined {
  const d = instrument.dimensions.find((x) => x.id === dimension);
  const v = value.trim().toLowerCase();
  return d?.values?.find(
    (x) =>
      x.code.toLowerCase() === v ||
      x.label.toLowerCase() === v ||
      x.aliases.some((a) => a.toLowerCase() === v),
  )?.code;
}

function labelOf(instrument: Instrument, dimension: string, code: string): string {
  return (
    instrument.dimensions.find((x) => x.id === dimension)?.values?.find((v) => v.code === code)?.label ?? code
  );
}

function observationSection(obs: Instrument, ja: JaTable, k: number): ReportSection {
  const sections = obs.sections;
  const rows = sections.map((s) => {
    const items = ja.items.filter((i) => i.section?.id === s.id);
    const row: Record<string, ReportValue> = { onderdeel: `${formTitle(obs, s.form)} — ${s.title}` };
    for (const g of ja.groups) {
      const shown = items.flatMap((i) => {
        const cell = g.items[i.id];
        return cell?.status === "shown" ? [cell] : [];
      });
      row[g.key[0]?.code ?? ""] =
        shown.length === 0
          ? { text: "–", status: "empty", title: "geen gegevens of te weinig studenten" }
          : (() => {
              const share = shown.reduce((a, c) => a + c.value.share, 0) / shown.length;
              const n = Math.min(...shown.map((c) => c.n));
              return {
                text: `${formatPercent(share)} (${shown.length} it.)`,
                value: round(share),
                n,
                status: "shown" as const,
                title: `gemiddeld aandeel JA over ${shown.length} items; elk item rust op minstens ${n} observaties`,
              };
            })();
    }
    return row;
  });
  const charts: ReportChart[] = [];
  for (const form of [...new Set(sections.map((s) => s.form ?? ""))]) {
    const items = ja.items.filter(
      (i) => i.section?.form === form || (form === "" && i.section?.form === null),
    );
    if (items.length === 0) continue;
    const chart = jaShare({
      title: `Aandeel JA per item — ${formTitle(obs, form)}`,
      rows: ja.groups.flatMap((g) =>
        items.map((i) => {
          const cell = g.items[i.id];
          const base = {
            item: i.id,
            itemText: i.text,
            section: i.section?.id ?? "",
            sectionLabel: i.section?.title ?? "",
            fase: g.key[0]?.code ?? "",
          };
          return jaShareRow(base, cell);
        }),
      ),
    });
    charts.push(toChart(`ja-${form || "algemeen"}`, chart));
  }
  return {
    id: "observaties",
    heading: "Observaties van oudergesprekken",
    intro: `Per onderdeel van de observatieformulieren het gemiddelde aandeel JA over de items, per fase; alleen items die in die fase bij minstens ${k} studenten geobserveerd zijn tellen mee. De formulieren zijn geen beoordelingsformulieren.`,
    tables: [
      {
        id: "observaties",
        caption: "Aandeel JA per onderdeel en fase",
        columns: [
          { key: "onderdeel", title: "onderdeel", wrap: true },
          ...ja.groups.map((g) => ({
            key: g.key[0]?.code ?? "",
            title: groupLabel(g.key),
            align: "right" as const,
          })),
        ],
        rows,
        notes: ["it.: het aantal items waarover het gemiddelde gaat.", msg.legendHidden(k)],
      },
    ],
    charts,
  };
}

function formTitle(obs: Instrument, form: string | undefined | null): string {
  const first = obs.sections.find((s) => (s.form ?? "") === (form ?? ""));
  const names: Record<string, string> = {
    algemeen: "Algemene gespreksvaardigheden",
    kennismaking: "Kennismakingsgesprek",
    voortgang: "Voortgangsgesprek",
    probleemoplossend: "Probleemoplossend gesprek",
    slechtnieuws: "Slechtnieuwsgesprek",
    advies: "Adviesgesprek",
  };
  return names[form ?? ""] ?? first?.title ?? form ?? "";
}

function profieleisSection(
  obs: Instrument,
  oo: Instrument,
  ja: JaTable | undefined,
  questions: ItemTable | undefined,
  k: number,
): ReportSection {
  const fases = ja?.groups.map((g) => ({ code: g.key[0]?.code ?? "", label: groupLabel(g.key) })) ?? [];
  const linked = profieleisen.filter((p) => leerlijnLinks.some((l) => l.profieleisen.includes(p.id)));
  const rows = linked.map((p) => {
    const row: Record<string, ReportValue> = { eis: `${p.id} ${p.text}` };
    for (const fase of fases) {
      const group = ja?.groups.find((g) => g.key[0]?.code === fase.code);
      const shares = (ja?.items ?? [])
        .filter((i) => profieleisenForItem(obs, i.id).some((x) => x.id === p.id))
        .flatMap((i) => {
          const cell = group?.items[i.id];
          return cell?.status === "shown" ? [{ value: cell.value.share, n: cell.n }] : [];
        });
      row[`obs-${fase.code}`] = averageCell(shares, (v) => `${formatPercent(v)} (${shares.length})`);
      const group2 = questions?.groups.find((g) => g.key[0]?.code === fase.code);
      const means = oo.items
        .filter((i) => i.type === "scale" && profieleisenForItem(oo, i.id).some((x) => x.id === p.id))
        .flatMap((i) => {
          const cell = group2?.items[i.id];
          return cell?.status === "shown" && cell.value.mean !== null
            ? [{ value: cell.value.mean, n: cell.n }]
            : [];
        });
      row[`oo-${fase.code}`] = averageCell(means, (v) => formatNumber(v));
    }
    return row;
  });
  return {
    id: "profieleisen",
    heading: "Per profieleis startbekwaam",
    intro:
      "Welke delen van de leerlijn landen: per profieleis het gemiddelde aandeel JA van de gekoppelde observatie-items en het gemiddelde van de gekoppelde vragen aan opleidingsouders, per fase. Tussen haakjes: over hoeveel items het gemiddelde gaat.",
    tables: [
      {
        id: "profieleisen",
        caption: "Profieleisen: observaties (aandeel JA) en opleidingsouders (1–4) per fase",
        columns: [
          { key: "eis", title: "profieleis", wrap: true },
          ...fases.flatMap((f) => [
            { key: `obs-${f.code}`, title: `JA ${f.label.slice(0, 6)}.`, align: "right" as const },
            { key: `oo-${f.code}`, title: `ouders ${f.label.slice(0, 6)}.`, align: "right" as const },
          ]),
        ],
        rows,
        notes: [
          "Alleen cellen die zelf getoond mogen worden tellen mee in een gemiddelde.",
          msg.legendHidden(k),
        ],
      },
    ],
    charts: [],
  };
}

/**
 * The mean of already-shown cells; its n is the smallest n among them (each part rests on at least
 * that many), so nothing hidden enters and every number still says what it rests on.
 */
function averageCell(
  parts: readonly { value: number; n: number }[],
  text: (value: number) => string,
): ReportValue {
  if (parts.length === 0) return { text: "–", status: "empty" };
  const value = parts.reduce((a, p) => a + p.value, 0) / parts.length;
  const n = Math.min(...parts.map((p) => p.n));
  return {
    text: text(value),
    value: round(value),
    n,
    status: "shown",
    title: `gemiddelde over ${parts.length} item(s); elk rust op minstens ${n} antwoorden`,
  };
}
