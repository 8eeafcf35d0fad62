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
  factFeedback: "Feedback van opleidingsouders (formulieren)",
  factStudents: "Studenten (observaties)",
  factFeedbackStudents: "Studenten (feedback van opleidingsouders)",
  opleidingsoudersHeading: "Feedback van opleidingsouders",
  opleidingsoudersIntro: (source: string, k: number, kText: number) =>
    `Wat opleidingsouders na een oefengesprek over hun beleving van het gesprek vertelden, op de vijf open vragen uit '${source}' (§4.3). Ouders vertellen alleen hoe zij het gesprek beleefden (§4.2); er wordt dus geen score of gemiddelde van gemaakt. Per vraag: hoeveel formulieren een open antwoord hebben en, waar het formulier van de school een kort antwoord heeft, hoe vaak elk antwoord gegeven is — alleen over groepen van minstens ${k} studenten en ${k} formulieren. De antwoorden zelf staan erbij vanaf ${kText} formulieren. Bedoeld voor de ontwikkeling van studenten.`,
  answeredCaption: "Vragen aan opleidingsouders per fase: formulieren met een open antwoord",
  answeredCell: (answered: string, forms: string) => `${answered} van ${forms}`,
  answeredTitle: (answered: number, forms: number) =>
    `${answered} van de ${forms} formulieren hebben een open antwoord op deze vraag`,
  answeredNote:
    "Cellen: formulieren met een open antwoord van het aantal formulieren in die fase. Tussen haakjes achter de vraag: de profieleisen waar de vraag op wijst.",
  closedCaption: "Korte antwoorden per fase, waar het formulier van de school er een heeft",
  closedTitle: (count: number, n: number) => `${count} van de ${n} geldige korte antwoorden`,
  closedNote:
    "Cellen: hoe vaak dit korte antwoord gegeven is. Een telling, geen score: de antwoorden worden niet gemiddeld.",
  formsCaption: (by: string) => `Formulieren en studenten ${by}`,
  formsNote: "Elke student telt één keer, ook met meer formulieren.",
  openAnswersCaption: (question: number) => `Open antwoorden op vraag ${question}`,
  notLinked: "Leeg: geen vraag of onderdeel gekoppeld aan deze profieleis.",
  unknownFilterValue: (what: string, value: string, available: readonly string[]) =>
    `Geen gegevens voor ${what} "${value}".${available.length > 0 ? ` Beschikbaar: ${available.join(", ")}.` : ""}`,
  factSelection: "Selectie",
  profieleisenTitle: "Aandeel JA op de gekoppelde observatie-items, per profieleis en fase",
  profieleisenDescription:
    "Per profieleis startbekwaam het aandeel JA van alle JA/NEE-scores op de observatie-items die ermee verbonden zijn, per fase. Alleen items met genoeg studenten tellen mee; n is het aantal scores. Een groepsbeeld voor de leerlijn, geen beoordeling van studenten.",
  shareAxis: "aandeel JA",
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

/** The ouderpopulatie section of the class overview (profieleis b1: the analysis of the ouderpopulatie). */
export const populationMessages = {
  heading: "Ouderpopulatie",
  intro: (k: number) =>
    `Wie de ouders zijn die de vragenlijst invulden: thuistaal, Nederlands spreken en begrijpen, voorkeur voor contact en aantal kinderen op school (profieleis b1: een analyse van de ouderpopulatie van school en klas). Aandelen zijn van de ouders die de vraag beantwoordden (n); een groep van minder dan ${k} ouders wordt niet getoond. De groepslijst telt alleen gezinnen per groep, niet naar achtergrond: een respons naar thuistaal of taalvaardigheid is daarom niet te berekenen — vergelijk de verdeling hieronder met wat de school van haar ouders weet.`,
  schoolCaption: (question: string) => `${question} (hele school)`,
  category: "antwoord",
  count: "aantal",
  share: "aandeel",
  sharesNote: (n: number) => `Aandeel van ${n} ouders die de vraag beantwoordden.`,
  multipleNote: "Meer antwoorden mogelijk: de aandelen tellen op tot meer dan 100%.",
  meanChildren: (mean: string) => `Gemiddeld ${mean} kinderen op school per ouder die antwoordde.`,
  perGroepCaption: "Ouderpopulatie per groep",
  wholeSchool: "hele school",
  scaleNote: (ends: string) => ` Ervaring: gemiddelde op een schaal van ${ends}.`,
  perGroepNote:
    "Cellen: aandeel (n = ouders die de vraag beantwoordden). NL thuis: thuis (ook) Nederlands. NL goed: spreekt en begrijpt Nederlands goed of heel goed. Contact: het meest gekozen contact, met zijn aandeel. Kinderen: gemiddeld aantal kinderen op school.",
  respondents: "n",
  /** the background splits: their name, their two groups, and the share column of the first group */
  backgrounds: {
    achtergrond_taal: {
      title: "Thuistaal",
      first: "Thuis (ook) Nederlands",
      rest: "Thuis alleen een andere taal",
      share: "NL thuis",
      by: "thuistaal",
    },
    achtergrond_nl: {
      title: "Nederlands spreken en begrijpen",
      first: "Goed of heel goed",
      rest: "Niet, een beetje of redelijk",
      share: "NL goed",
      by: "Nederlands spreken",
    },
  },
  contact: "contact",
  children: "kinderen",
  byBackgroundHeading: "Ervaring en betrokkenheid naar achtergrond",
  byBackgroundIntro: (k: number) =>
    `Dezelfde schalen als hierboven, voor de hele school, apart voor groepen ouders naar achtergrond: zo ziet de school welke ouders zij minder bereikt (Bakker e.a.: een positieve houding tegenover álle ouders). Alleen groepen van minstens ${k} ouders worden getoond, en een groep wordt afgeschermd als hij anders uit andere getallen terug te rekenen is.`,
  byBackgroundCaption: (by: string, framework: string) => `${framework} naar ${by}`,
  frameworkBakker: "Ervaring",
  frameworkPartnership: "Betrokkenheid",
  otherHeading: "Eigen antwoorden bij \u201cAnders\u201d",
  otherIntro: (kText: number) =>
    `Wat ouders zelf invulden bij \u201cAnders\u201d (bijvoorbeeld een thuistaal die niet in de lijst staat), alleen voor de hele school en alleen als minstens ${kText} ouders de vraag beantwoordden. Komt een antwoord vaak voor, neem het dan op als eigen keuze in een kopie van het instrument (zaz map stelt dat voor).`,
} as const;

/** How reverse-coded (negatively worded) items are marked and explained in the item tables. */
export const reversedItemMessages = {
  item: (text: string) => `${text} (omgepoold)`,
  note: "(omgepoold): een negatief gestelde uitspraak. Haar % eens en gemiddelde zijn omgescoord, zoals in de schaalscores en de grafiek (code c telt als min + max − c): % eens is hier het aandeel dat het met de uitspraak (helemaal) oneens is, en een hoog gemiddelde is gunstig.",
} as const;
