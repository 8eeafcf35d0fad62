import { formatNumber } from "./format.js";

/** Dutch texts of the views, in one place. */
export const viewMessages = {
  belowKShort: (k: number) => `< ${k}`,
  complementaryShort: "×",
  emptyShort: "–",
  empty: "geen gegevens",
  interval: (low: number, high: number, decimals = 2) =>
    `95%-interval ${formatNumber(low, decimals)} – ${formatNumber(high, decimals)}`,
  smallMark: "†",
  legendSmall: "†: minder dan 10 respondenten; het interval is een ruwe schatting.",
  noSelection: (what: string) =>
    `Er zijn geen gegevens voor ${what}. Kies een andere fase, soort gesprek of cohort.`,
  noResponses: (what: string, available: readonly string[]) =>
    `Geen antwoorden gevonden voor ${what}.${available.length > 0 ? ` Beschikbaar: ${available.join(", ")}.` : " Lees eerst een export in met zaz ingest."}`,
  legendMean: "Cellen: gemiddelde (n = aantal respondenten met een score).",
  legendHidden: (k: number) =>
    `"< ${k}": minder dan ${k} respondenten. "×": afgeschermd, anders is een kleine groep uit de totalen terug te rekenen. "–": geen gegevens.`,
  designEffect: (deff: number, icc: number) =>
    `interval verbreed voor de samenhang binnen groepen (designeffect ${formatNumber(deff, 2)}, ICC ${formatNumber(icc, 2)})`,
  legendDesignEffect:
    "Het interval van een totaal over meerdere groepen houdt rekening met de samenhang binnen groepen (designeffect); zie Methode.",

  klassenTitle: (school: string) => `Ouderbetrokkenheid per groep — ${school}`,
  klassenSubtitle: (wave: string, previous: string | null) =>
    `Meting ${wave}${previous === null ? "" : `, vergeleken met ${previous}`}`,
  groepTitle: (groep: string, school: string, wave: string) => `${groep} — ${school}, meting ${wave}`,
  groepSubtitle: "Elk getal komt uit het klassenoverzicht van de school, met dezelfde afscherming.",
  scholenTitle: (bestuur: string) => `Scholen van ${bestuur} naast elkaar`,
  scholenSubtitle: (waves: readonly string[]) => `Metingen: ${waves.join(", ")}`,
  leerlijnTitle: (opleiding: string) => `Leerlijn educatief partnerschap — ${opleiding}`,
  leerlijnSubtitle: (filters: readonly string[]) =>
    filters.length === 0 ? "Alle cohorten" : filters.join(", "),
  ontwikkelingTitle: "Mijn ontwikkeling in oudergesprekken",
  ontwikkelingSubtitle: (student: string) =>
    `Student ${student} — eigen feedback van opleidingsouders en observaties, alleen voor de student en de mentor`,

  factResponseRate: "Respons",
  factRespondents: "Ingevulde vragenlijsten",
  factPrevious: "Vergeleken met",

  notAPseudonym: (value: string) =>
    `"${value}" is geen pseudoniem (zoals p-1a2b3c4d5e6f7a8b). Zoek het op met: zaz pseudoniem "naam van de student"`,
  noStudent: (p: string) => `Er is geen feedback of observatie van student ${p} ingelezen.`,
  unknownGroep: (groep: string, school: string, available: readonly string[]) =>
    `Groep "${groep}" heeft geen gegevens bij ${school}.${available.length > 0 ? ` Beschikbaar: ${available.join(", ")}.` : ""}`,
  filterTooNarrow: (k: number) =>
    `Deze selectie wordt afgeschermd: buiten de selectie blijven minder dan ${k} studenten of gesprekken over, en het verschil met het overzicht zonder deze keuze zou hen herkenbaar maken. Kies een bredere selectie.`,
  noInstrument: (role: string) =>
    `Er zijn nog geen gegevens van een instrument met de rol "${role}" ingelezen. Lees eerst een export in met zaz ingest.`,
  textsCapped: (shown: number, total: number) =>
    `De eerste ${shown} van ${total} antwoorden (alfabetisch); de rest staat in de database.`,
  textsOf: (answers: number, respondents: number) => `${answers} antwoorden van ${respondents} respondenten.`,
  factObservations: "Observatieformulieren",
  factFeedback: "Feedback van opleidingsouders",
  factStudents: "Studenten (observaties)",
  factSelection: "Selectie",
  profieleisenTitle: "Aandeel JA op de gekoppelde observatie-items, per profieleis en fase",
  profieleisenDescription:
    "Per profieleis startbekwaam het aandeel JA van alle JA/NEE-scores op de observatie-items die ermee verbonden zijn, per fase. Alleen items met genoeg studenten tellen mee; n is het aantal scores. Een groepsbeeld voor de leerlijn, geen beoordeling van studenten.",
  shareAxis: "aandeel JA",
  feedbackTitle: "Beleving van opleidingsouders per vraag en fase",
  feedbackDescription: (scaleMax: number) =>
    `Gemiddeld antwoord van opleidingsouders per vraag (1 = nee, helemaal niet; ${scaleMax} = ja, helemaal), per fase, met 95%-interval. Tussen haakjes de profieleisen waar de vraag op wijst.`,
  feedbackAxis: (scaleMax: number) => `gemiddelde (1–${scaleMax})`,
  sectionsTitle: "Aandeel JA per onderdeel en fase",
  sectionsDescription:
    "Per onderdeel van de observatieformulieren het aandeel JA van alle JA/NEE-scores op de items ervan, per fase. Tussen haakjes de profieleisen waar het onderdeel op wijst. Alleen items met genoeg studenten tellen mee; n is het aantal scores.",
  withLinks: (text: string, ids: readonly string[]) =>
    ids.length === 0 ? text : `${text} (${ids.join(", ")})`,
  reliabilityTitle: (wave: string) => `Betrouwbaarheid van de schalen, meting ${wave}`,
  reliabilityDescription: "Cronbachs alfa met 95%-interval (Feldt). 0,70 of hoger is voldoende.",
  reliabilityAxis: "Cronbachs alfa",
  total: "Totaal",
  school: "School",
};

/** A view cannot be made for this request (unknown school, no data …); the message is Dutch. */
export class ViewError extends Error {
  override readonly name = "ViewError";
}
