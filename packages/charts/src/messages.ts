/**
 * Every Dutch text the charts show or tell a screen reader. Builders never spell out user-facing
 * text themselves, so a translation touches only this file.
 */
import type { MissingKind } from "@zaz/model";
import { formatNumber, formatPercent } from "./dutch-number.js";

export const statusTexts = {
  /** inside a small cell */
  suppressedShort: "te weinig",
  /** inside a wide bar */
  suppressedLong: "te weinig respondenten",
  noData: "geen gegevens",
} as const;

/** The status column of a data table. */
export function statusLabel(
  status: "shown" | "suppressed" | "no_data",
  reason: string | null,
): string | null {
  if (status === "suppressed") return reason === null ? "onderdrukt" : `onderdrukt: ${reason}`;
  if (status === "no_data") return statusTexts.noData;
  return null;
}

/** Explains the kinds of empty cell that occur in a chart, as subtitle lines (none: no subtitle). */
export function emptyCellSubtitle(suppressed: number, noData: number): { subtitle?: string[] } {
  const lines: string[] = [];
  if (suppressed > 0) lines.push("Grijs: te weinig respondenten om te tonen (privacy).");
  if (noData > 0) lines.push("Wit met stippellijn: geen gegevens.");
  return lines.length === 0 ? {} : { subtitle: lines };
}

/** "2 groepen niet getoond wegens te weinig respondenten; 1 groep zonder gegevens." (or nothing) */
export const statusCountsSentence = (
  suppressed: number,
  noData: number,
  unit: readonly [singular: string, plural: string],
): string => {
  const noun = (count: number): string => (count === 1 ? unit[0] : unit[1]);
  const parts: string[] = [];
  if (suppressed > 0)
    parts.push(`${suppressed} ${noun(suppressed)} niet getoond wegens te weinig respondenten`);
  if (noData > 0) parts.push(`${noData} ${noun(noData)} zonder gegevens`);
  return parts.length === 0 ? "" : ` ${capitalise(parts.join("; "))}.`;
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const tableTitles = {
  status: "Status",
  n: "n",
  reason: "Reden",
} as const;

export function nText(n: number): string {
  return `n = ${n}`;
}

// --- Likert bars -------------------------------------------------------------------------------

export const missingKindLabels: Record<MissingKind, string> = {
  weet_niet: "weet niet",
  nvt: "n.v.t.",
  leeg: "leeg",
};

export const likertTexts = {
  answerLegend: "Antwoord",
  answerLegendReversed: "Antwoord (omgepoold: andersom)",
  missingLegend: "Ontbrekend",
  answerAxis: "% van de geldige antwoorden (← oneens · eens →)",
  missingAxis: "% ontbrekend",
  itemColumn: "Uitspraak",
  answerTooltip: "Antwoord",
  countTooltip: "Aantal",
  percentTooltip: "Percentage",
  missingTooltip: "Ontbrekend",
} as const;

export const likertAnswerColumn = (label: string): string => `${label} (%)`;

/** A negatively worded statement whose answers count the other way round in its scale. */
export const reversedItemText = (text: string): string => `${text} (omgepoold)`;
/** The tooltip's answer on a reverse-coded item: what was said, and where it counts. */
export const reversedAnswer = (answered: string, countsAs: string): string =>
  `${answered} (telt als ${countsAs})`;
export const likertMissingColumn = (label: string): string => `${label} (aantal)`;

export function likertDescription(args: {
  items: number;
  firstLabel: string;
  lastLabel: string;
  mostAgreed: { text: string; share: number } | null;
  suppressed: number;
  noData: number;
  /** whether some statements are reverse-coded and drawn mirrored */
  reversed?: boolean;
}): string {
  const agreed =
    args.mostAgreed === null
      ? ""
      : ` Het meest eens: “${args.mostAgreed.text}” (${formatPercent(args.mostAgreed.share)} eens).`;
  return (
    `Gestapelde staven voor ${args.items} ${args.items === 1 ? "uitspraak" : "uitspraken"}, ` +
    `met antwoorden van “${args.firstLabel}” tot “${args.lastLabel}”. ` +
    "Per uitspraak het percentage per antwoord; oneens links van het midden, eens rechts, neutraal in het midden. " +
    "Ontbrekende antwoorden (weet niet, n.v.t., leeg) staan apart rechts." +
    (args.reversed === true
      ? " Uitspraken met (omgepoold) zijn negatief gesteld en andersom getekend, zoals ze in de schaalscore tellen: mee eens staat links, mee oneens rechts."
      : "") +
    agreed +
    statusCountsSentence(args.suppressed, args.noData, ["uitspraak", "uitspraken"])
  );
}

// --- Class heatmap -----------------------------------------------------------------------------

export const frameworkLabels = {
  bakker: "Voorwaarden voor samenwerking (Bakker e.a., 2013)",
  partnerschap: "Vormen van partnerschap",
} as const;

export const heatmapTexts = {
  title: "Gemiddelde score per groep",
  groep: "Groep",
  construct: "Onderwerp",
  framework: "Kader",
  mean: "Gemiddelde",
} as const;

export const meanLegendTitle = (min: number, max: number): string => `Gemiddelde (schaal ${min}–${max})`;

/** The text inside a heatmap cell: the mean and, below it, n. */
export const meanCellText = (mean: number, n: number | null): string =>
  n === null ? formatNumber(mean, 1) : `${formatNumber(mean, 1)}\nn = ${n}`;

export const heatmapTooltip = (
  groep: string,
  construct: string,
  mean: number | null,
  n: number | null,
  status: string | null,
): string =>
  `${groep} · ${construct}: ${mean === null ? (status ?? statusTexts.noData) : `gemiddelde ${formatNumber(mean, 2)}${n === null ? "" : ` (n = ${n})`}`}`;

export function heatmapDescription(args: {
  groepen: number;
  constructs: number;
  scaleMin: number;
  scaleMax: number;
  highest: { groep: string; construct: string; mean: number } | null;
  lowest: { groep: string; construct: string; mean: number } | null;
  suppressed: number;
  noData: number;
}): string {
  const extremes =
    args.highest === null || args.lowest === null
      ? ""
      : ` Hoogste gemiddelde: ${args.highest.groep}, ${args.highest.construct} (${formatNumber(args.highest.mean, 1)}).` +
        ` Laagste: ${args.lowest.groep}, ${args.lowest.construct} (${formatNumber(args.lowest.mean, 1)}).`;
  return (
    `Heatmap van de gemiddelde score per groep (${args.groepen} ${args.groepen === 1 ? "groep" : "groepen"}) ` +
    `op ${args.constructs} onderwerpen, verdeeld in voorwaarden voor samenwerking (Bakker e.a.) en vormen van partnerschap. ` +
    `Schaal van ${args.scaleMin} tot ${args.scaleMax}; een donkerder vak is een hoger gemiddelde.` +
    extremes +
    statusCountsSentence(args.suppressed, args.noData, ["vak", "vakken"])
  );
}

// --- Dot-and-interval charts -------------------------------------------------------------------

/**
 * "Groep 5 · Educatief partnerschap: 3,42 (95%-BI 3,10–3,74; n = 23)", or why there is no value; a
 * chart of one series passes none: "Positieve houding: 0,81 (95%-BI 0,77–0,85; n = 187)".
 */
export function intervalTooltip(args: {
  category: string;
  series?: string;
  value: string | null;
  low: string | null;
  high: string | null;
  n: number | null;
  status: string | null;
}): string {
  const head = `${args.series === undefined ? "" : `${args.series} · `}${args.category}: `;
  if (args.value === null) return head + (args.status ?? statusTexts.noData);
  const interval = args.low === null || args.high === null ? "" : `95%-BI ${args.low}–${args.high}`;
  const details = [interval, args.n === null ? "" : `n = ${args.n}`].filter((part) => part !== "").join("; ");
  return head + args.value + (details === "" ? "" : ` (${details})`);
}

/** "Groep 5: te weinig respondenten", the text drawn where a dot is missing. */
export const seriesStatusText = (series: string, status: string): string => `${series}: ${status}`;

// --- Change heatmap ----------------------------------------------------------------------------

export const changeTexts = {
  construct: "Schaal",
  previous: "Vorige",
  current: "Nu",
  change: "Verschil",
  legend: "verschil (nu − vorige)",
  /** inside a cell without data */
  noDataCell: "–",
} as const;

/** A change with its sign and a real minus: "+0,25", "−0,40"; a change that rounds to zero is "0,00". */
export function signedChange(change: number): string {
  const text = formatNumber(change, 2);
  return change > 0 && text !== formatNumber(0, 2) ? `+${text}` : text;
}

/** "Groep 5 · Positieve houding: +0,25 (n = 23)", or why the cell is empty. */
export const changeTooltip = (
  row: string,
  construct: string,
  change: number | null,
  n: number | null,
  status: string | null,
): string =>
  `${row} · ${construct}: ${change === null ? (status ?? statusTexts.noData) : `${signedChange(change)}${n === null ? "" : ` (${nText(n)})`}`}`;

// --- Interval dots -----------------------------------------------------------------------------

export const intervalDotsTexts = {
  series: "Reeks",
  low: "95%-interval laag",
  high: "95%-interval hoog",
} as const;

// --- Partnership profile -----------------------------------------------------------------------

export const profileTexts = {
  title: "Profiel van partnerschap",
  form: "Vorm van partnerschap",
  series: "Reeks",
  mean: "Gemiddelde",
  low: "Ondergrens 95%-BI",
  high: "Bovengrens 95%-BI",
} as const;

export const profileAxisTitle = (min: number, max: number): string =>
  `Gemiddelde (schaal ${min}–${max}) met 95%-betrouwbaarheidsinterval`;

export function profileDescription(args: {
  forms: number;
  series: readonly string[];
  scaleMin: number;
  scaleMax: number;
  suppressed: number;
  noData: number;
}): string {
  return (
    `Gemiddelde score per vorm van partnerschap (${args.forms} ${args.forms === 1 ? "vorm" : "vormen"}) ` +
    `voor ${args.series.join(" en ")}, elk als punt met een lijn voor het 95%-betrouwbaarheidsinterval, ` +
    `op een schaal van ${args.scaleMin} tot ${args.scaleMax}. Overlappen de lijnen, dan is het verschil onzeker.` +
    statusCountsSentence(args.suppressed, args.noData, ["waarde", "waarden"])
  );
}

// --- JA share ----------------------------------------------------------------------------------

export const faseLabels: Record<string, string> = {
  propedeuse: "Propedeuse",
  hoofdfase: "Hoofdfase",
  afstudeerfase: "Afstudeerfase",
};

export const jaShareTexts = {
  title: "Aandeel JA per observatiepunt",
  item: "Observatiepunt",
  section: "Onderdeel",
  fase: "Fase",
  share: "Aandeel JA",
  low: "Ondergrens 95%-BI",
  high: "Bovengrens 95%-BI",
  axis: "Aandeel JA (met 95%-betrouwbaarheidsinterval, Wilson)",
} as const;

export function jaShareDescription(args: {
  items: number;
  sections: number;
  fasen: readonly string[];
  suppressed: number;
  noData: number;
}): string {
  return (
    `Aandeel van de observaties met JA per observatiepunt (${args.items} punten in ${args.sections} ` +
    `${args.sections === 1 ? "onderdeel" : "onderdelen"}), per fase (${args.fasen.join(", ")}), ` +
    "elk als punt met een lijn voor het 95%-betrouwbaarheidsinterval (Wilson). " +
    "De formulieren zijn bedoeld voor ontwikkeling, niet voor beoordeling." +
    statusCountsSentence(args.suppressed, args.noData, ["waarde", "waarden"])
  );
}

// --- Trend -------------------------------------------------------------------------------------

export const trendTexts = {
  title: "Verloop over de metingen",
  wave: "Meting",
  construct: "Onderwerp",
  mean: "Gemiddelde",
  low: "Ondergrens 95%-BI",
  high: "Bovengrens 95%-BI",
  notShown: "Niet getoond",
} as const;

export const trendAxisTitle = (min: number, max: number): string => `Gemiddelde (schaal ${min}–${max})`;

export function trendDescription(args: {
  waves: readonly string[];
  constructs: number;
  changes: { construct: string; from: number; to: number }[];
  suppressed: number;
  noData: number;
}): string {
  const first = args.waves[0] ?? "";
  const last = args.waves[args.waves.length - 1] ?? "";
  const changes = args.changes
    .map((c) => `${c.construct} van ${formatNumber(c.from, 1)} naar ${formatNumber(c.to, 1)}`)
    .join("; ");
  return (
    `Lijndiagram van het gemiddelde van ${args.constructs} ${args.constructs === 1 ? "onderwerp" : "onderwerpen"} ` +
    `over ${args.waves.length} metingen (${first} tot ${last}), met een band voor het 95%-betrouwbaarheidsinterval.` +
    (changes === "" ? "" : ` Van eerste naar laatste meting: ${changes}.`) +
    statusCountsSentence(args.suppressed, args.noData, ["meetpunt", "meetpunten"])
  );
}

// --- Response rate -----------------------------------------------------------------------------

export const responseRateTexts = {
  title: "Respons per groep",
  groep: "Groep",
  responses: "Ingevulde vragenlijsten",
  families: "Gezinnen",
  rate: "Respons (%)",
  axis: "Respons (% van de gezinnen)",
} as const;

/** "34 van 52 (65%)" */
export const responseRateLabel = (responses: number, families: number, rate: number): string =>
  `${responses} van ${families} (${formatPercent(rate)})`;

export function responseRateDescription(args: {
  groepen: number;
  responses: number;
  families: number;
  lowest: { groep: string; rate: number } | null;
  suppressed: number;
  noData: number;
}): string {
  const total =
    args.families > 0
      ? ` Samen ${args.responses} van ${args.families} gezinnen (${formatPercent(args.responses / args.families)}).`
      : "";
  const lowest =
    args.lowest === null
      ? ""
      : ` Laagste respons: ${args.lowest.groep} (${formatPercent(args.lowest.rate)}).`;
  return (
    `Staafdiagram van de respons per groep (${args.groepen} ${args.groepen === 1 ? "groep" : "groepen"}): ` +
    "het aandeel gezinnen dat de vragenlijst invulde." +
    total +
    lowest +
    statusCountsSentence(args.suppressed, args.noData, ["groep", "groepen"])
  );
}

/** The category bars of the ouderpopulatie (home language, Dutch, contact preference, children). */
export const categoryBarsTexts = {
  category: "Antwoord",
  count: "Aantal",
  share: "Aandeel",
  axis: "Aandeel van de ouders die de vraag beantwoordden",
} as const;

export function categoryBarsDescription(args: {
  categories: number;
  n: number;
  multiple: boolean;
  top: { label: string; share: number } | null;
}): string {
  const most =
    args.top === null ? "" : ` Het meest gekozen: ${args.top.label} (${formatPercent(args.top.share)}).`;
  const several = args.multiple
    ? " Ouders konden meer antwoorden kiezen, dus de aandelen tellen op tot meer dan 100%."
    : "";
  return `Staafdiagram van ${args.categories} antwoorden, als aandeel van ${args.n} ouders die de vraag beantwoordden.${most}${several}`;
}

export const categoryTooltip = (label: string, share: number, count: number, n: number): string =>
  `${label}: ${formatPercent(share)} (${count} van ${n})`;
