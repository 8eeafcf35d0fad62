import { formatNumber } from "./format.js";

/** Dutch texts of the views, in one place. */
export const viewMessages = {
  actionWholeSchool: "hele school",
  actionDone: "gedaan",
  actionNotDone: "niet gedaan",
  actionNoNextWave: "volgt bij de volgende meting",
  actionNotComparable: "niet in beide metingen gemeten",
  actionChange: (change: string, n: number) => `${change}, n = ${n}`,
  actionSummaryTopic: (nr: number) => `Actiepunt ${nr}`,
  actionSummaryLine: (about: string, where: string, done: boolean, followUp: string) =>
    `${about} (${where}), ${done ? "gedaan" : "niet gedaan"}; verandering: ${followUp}.`,
  actionSummaryMoreTopic: "Actiepunten",
  actionSummaryMore: (more: number) =>
    `En nog ${more} actiepunt${more === 1 ? "" : "en"}: zie "Actiepunten en opvolging".`,
  pdfAppendix: "Bijlage: tabellen bij de figuren",
  pdfAppendixIntro: "De getallen achter elke figuur, in dezelfde volgorde als in het rapport.",
  pdfPage: "Pagina",
  pdfOf: "van",
  pdfNoChromium: (path: string) =>
    `Voor een PDF is Chromium nodig, maar dat staat niet op ${path}. Installeer het (apt-get install chromium) of wijs het aan met ZAZ_CHROMIUM.`,
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

/**
 * The summary at the top of the klassen and scholen views: short sentences generated from numbers
 * shown in the view itself, each with the n it rests on (see sections/summary-sentences.ts).
 */
export const summaryMessages = {
  heading: "Samenvatting",
  caption: "Uitkomsten, elk met de n waarop ze rusten",
  intro:
    "De belangrijkste uitkomsten in een paar zinnen, gemaakt uit de getallen verderop in dit overzicht. Een schaal heet alleen sterk of zwak als haar 95%-interval boven of onder het eigen gemiddelde over de schalen van hetzelfde kader ligt; een verandering alleen als het interval van het verschil 0 niet bevat.",
  topic: "onderwerp",
  finding: "uitkomst",
  topicResponse: "Respons",
  topicStrong: "Sterke punten",
  topicWeak: "Zwakke punten",
  topicChange: "Verandering",
  topicReliability: "Betrouwbaarheid",
  /** the constructs a strength is relative to, per framework */
  frame: {
    bakker: "de voorwaarden van Bakker",
    partnerschap: "de vormen van partnerschap",
    overig: "de overige schalen",
  },
  response: (rate: string, responses: number, families: number) =>
    `${rate} van de gezinnen vulde de vragenlijst in (n = ${responses} van ${families} gezinnen).`,
  responseCount: (responses: number) =>
    `${responses} ingevulde vragenlijsten; zonder groepslijst is de respons niet te berekenen (n = ${responses}).`,
  responseHidden: (k: number) =>
    `De respons wordt niet getoond: minder dan ${k} respondenten of afgeschermd.`,
  strong: (name: string, mean: string, low: string, high: string, n: number, frame: string, own: string) =>
    `${name}: ${mean} [${low}; ${high}] (n = ${n}), boven het gemiddelde over ${frame} (${own}).`,
  weak: (name: string, mean: string, low: string, high: string, n: number, frame: string, own: string) =>
    `${name}: ${mean} [${low}; ${high}] (n = ${n}), onder het gemiddelde over ${frame} (${own}).`,
  noStrong: (frame: string, own: string, n: string) =>
    `Geen duidelijke sterke punten bij ${frame}: geen 95%-interval ligt boven hun gemiddelde van ${own} (n = ${n}).`,
  noWeak: (frame: string, own: string, n: string) =>
    `Geen duidelijke zwakke punten bij ${frame}: geen 95%-interval ligt onder hun gemiddelde van ${own} (n = ${n}).`,
  tooFew: (frame: string) =>
    `Bij ${frame} zijn te weinig schalen getoond om sterke en zwakke punten te bepalen.`,
  rose: (
    name: string,
    before: string,
    nBefore: number,
    now: string,
    nNow: number,
    change: string,
    low: string,
    high: string,
  ) => `${name} steeg van ${before} (n = ${nBefore}) naar ${now} (n = ${nNow}): ${change} [${low}; ${high}].`,
  fell: (
    name: string,
    before: string,
    nBefore: number,
    now: string,
    nNow: number,
    change: string,
    low: string,
    high: string,
  ) =>
    `${name} daalde van ${before} (n = ${nBefore}) naar ${now} (n = ${nNow}): ${change} [${low}; ${high}].`,
  noChange: (previous: string, n: string) =>
    `Geen duidelijke veranderingen sinds ${previous}: bij elke schaal bevat het 95%-interval van het verschil 0 (n = ${n}).`,
  noPrevious: "Er is geen eerdere meting om mee te vergelijken.",
  lowAlpha: (name: string, alpha: string, n: number) =>
    `${name}: alfa ${alpha} (n = ${n}) is lager dan 0,6; lees de score van deze schaal met voorzichtigheid.`,
  noAlpha: (name: string, n: number) =>
    `${name}: alfa is niet te bepalen (n = ${n}); lees de score van deze schaal met voorzichtigheid.`,
  alphaPart: (name: string, alpha: string | null, n: number) =>
    alpha === null ? `${name} (alfa niet te bepalen, n = ${n})` : `${name} (alfa ${alpha}, n = ${n})`,
  manyLowAlpha: (parts: readonly string[]) =>
    `${parts.length} schalen hebben een alfa lager dan 0,6 of niet te bepalen: ${parts.join("; ")}. Lees hun scores met voorzichtigheid.`,
  alphaFine: (n: string) => `Alle getoonde schalen hebben een alfa van 0,6 of hoger (n = ${n}).`,
  /** "112–118" or "118": the n of a statement over several constructs */
  nRange: (low: number, high: number) => (low === high ? `${low}` : `${low}–${high}`),
} as const;

/** The director's reference group: the own school against the other schools of its board. */
export const referenceMessages = {
  heading: "Referentiegroep: de school tegenover de andere scholen van het bestuur",
  intro: (bestuur: string) =>
    `Per schaal het verschil tussen deze school en de andere scholen van ${bestuur} samen, met 95%-interval, en de positie van de school tussen die scholen als percentiel. Andere scholen worden niet bij naam of met hun eigen gemiddelde getoond.`,
  caption: "Verschil met de andere scholen en positie als percentiel",
  construct: "schaal",
  school: "deze school",
  difference: "verschil [95%-int.]",
  position: "pct. bestuur",
  positionAll: "pct. alle",
  positionText: (percentile: number, below: number, count: number) =>
    `${Math.round(percentile)} (${below} van ${count})`,
  positionTitle: (below: number, ties: number, count: number) =>
    `hoger dan ${below}${ties > 0 ? `, gelijk aan ${ties}` : ""} van de ${count} andere scholen met een getoond gemiddelde`,
  differenceTitle: (n: number, restN: number) =>
    `deze school (n = ${n}) min de andere scholen van het bestuur samen (n = ${restN})`,
  noOthers: "geen andere school getoond",
  notes: (k: number) => [
    "Verschil: gemiddelde van deze school min dat van de andere scholen van het bestuur samen (positief: hoger dan de andere scholen), met 95%-interval. Een interval dat 0 bevat: het verschil kan toeval zijn.",
    "pct. bestuur: de positie van de school als percentiel, het percentage andere scholen van het bestuur met een lager gemiddelde (gelijke tellen half), alleen over scholen waarvan het gemiddelde getoond wordt; tussen haakjes hoeveel scholen lager liggen, van hoeveel. pct. alle: hetzelfde tussen de scholen van alle besturen in deze installatie.",
    `"< ${k}": minder dan ${k} respondenten. "×": afgeschermd. "–": geen gegevens. Het verschil staat er alleen als zowel de school als het hele bestuur getoond worden.`,
  ],
  methodHeading: "Referentiegroep",
  methodText:
    "De school wordt vergeleken met de andere scholen van haar bestuur in dezelfde meting. Het gemiddelde, de standaardafwijking en n van 'de andere scholen' volgen uit twee getoonde getallen: het hele bestuur min deze school (n = n_bestuur − n_school; gemiddelde en spreiding uit de sommen en kwadratensommen). Het verschil krijgt een 95%-interval volgens Welch, met de spreiding van elke kant vergroot met het designeffect van de school en van het bestuur. Worden de school of het bestuur niet getoond (te weinig respondenten of afgeschermd), dan staat er geen verschil. De positie is het percentage van de andere scholen van het bestuur met een lager gemiddelde (gelijke tellen half), alleen over scholen waarvan het gemiddelde getoond wordt; staan er meer besturen in deze installatie, dan ook tussen alle scholen. Een directeur ziet zo alleen de plaats van de eigen school, geen namen of getallen van andere scholen.",
} as const;

/** How reverse-coded (negatively worded) items are marked and explained in the item tables. */
export const reversedItemMessages = {
  item: (text: string) => `${text} (omgepoold)`,
  note: "(omgepoold): een negatief gestelde uitspraak. Haar % eens en gemiddelde zijn omgescoord, zoals in de schaalscores en de grafiek (code c telt als min + max − c): % eens is hier het aandeel dat het met de uitspraak (helemaal) oneens is, en een hoog gemiddelde is gunstig.",
} as const;
