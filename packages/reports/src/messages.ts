import { formatNumber } from "./report.js";

/** Dutch texts of the reports, in one place. */
export const reportMessages = {
  belowKShort: (k: number) => `< ${k}`,
  complementaryShort: "×",
  emptyShort: "–",
  interval: (low: number, high: number) => `95%-interval ${formatNumber(low, 2)} – ${formatNumber(high, 2)}`,
  noResponses: (what: string, available: readonly string[]) =>
    `Geen antwoorden gevonden voor ${what}.${available.length > 0 ? ` Beschikbaar: ${available.join(", ")}.` : " Lees eerst een export in met zaz ingest."}`,
  legendMean: "Cellen: gemiddelde (n = aantal respondenten met een score).",
  legendHidden: (k: number) =>
    `"< ${k}": minder dan ${k} respondenten. "×": afgeschermd, anders is een kleine groep uit de totalen terug te rekenen. "–": geen gegevens.`,

  klassenTitle: (school: string) => `Ouderbetrokkenheid per groep — ${school}`,
  klassenSubtitle: (wave: string, previous: string | null) =>
    `Meting ${wave}${previous === null ? "" : `, vergeleken met ${previous}`}`,
  scholenTitle: (bestuur: string) => `Scholen van ${bestuur} naast elkaar`,
  scholenSubtitle: (waves: readonly string[]) => `Metingen: ${waves.join(", ")}`,
  leerlijnTitle: (opleiding: string) => `Leerlijn educatief partnerschap — ${opleiding}`,
  leerlijnSubtitle: (cohort: string | undefined) =>
    cohort === undefined ? "Alle cohorten" : `Cohort ${cohort}`,
  ontwikkelingTitle: "Mijn ontwikkeling in oudergesprekken",
  ontwikkelingSubtitle: (student: string) =>
    `Student ${student} — eigen feedback van opleidingsouders en observaties, alleen voor de student en de mentor`,

  notAPseudonym: (value: string) =>
    `"${value}" is geen pseudoniem (zoals p-1a2b3c4d5e6f7a8b). Zoek het op met: zaz pseudoniem "naam van de student"`,
  noStudent: (p: string) => `Er is geen feedback of observatie van student ${p} ingelezen.`,
  cohortTooNarrow: (k: number) =>
    `Dit cohort wordt afgeschermd: buiten dit cohort blijven minder dan ${k} studenten over, en het verschil met het rapport over alle cohorten zou hen herkenbaar maken. Vraag het rapport zonder --cohort op.`,
  total: "Totaal",
  school: "School",
};
