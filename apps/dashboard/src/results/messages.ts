import { formatNumber } from "@zaz/charts";

/** Dutch text of the real results views: titles, descriptions, table headings. */
export const resultMessages = {
  cohort: (code: string) => `cohort ${code}`,
  classTitle: (school: string, wave: string) => `${school}, ${wave}`,
  groepTitle: (groep: string, school: string, wave: string) => `${groep}, ${school}, ${wave}`,
  leerlijnTitle: (opleiding: string) => `${opleiding}: leerlijn educatief partnerschap`,

  factResponseRate: "Respons",
  factRespondents: "Respondenten",
  factPreviousRespondents: (wave: string) => `Respondenten ${wave}`,
  factSchools: "Scholen met gegevens",
  factSelection: "Selectie",
  filterTooNarrow: (k: number) =>
    `afgeschermd: buiten dit filter blijven minder dan ${k} studenten over, en dan zou het verschil met het overzicht zonder filter hen herkenbaar maken; kies een ruimer filter`,
  factObservations: "Observatieformulieren",
  factFeedback: "Feedback van opleidingsouders",
  factStudents: "Studenten (observaties)",

  heatmapBakker: "Ervaring van ouders per groep en Bakker-conditie",
  heatmapBakkerTitle: (scaleMax: number) => `Ervaring per groep (1–${scaleMax}, hoger is beter)`,
  heatmapForms: "Eigen betrokkenheid per groep en partnerschapsvorm",
  heatmapFormsTitle: (scaleMax: number) => `Betrokkenheid per groep (1 = nooit, ${scaleMax} = vaak)`,
  responseRate: "Respons per groep",
  change: (previous: string) => `Verandering sinds ${previous}`,
  changeTitle: (previous: string, current: string) => `Verschil in gemiddelde, ${current} min ${previous}`,
  changeDescription: (previous: string, current: string, rows: string) =>
    `Heatmap van het verschil in gemiddelde score per ${rows} tussen ${previous} en ${current} (nu min vorige), ` +
    "per Bakker-conditie en partnerschapsvorm. Blauw is hoger dan de vorige meting, oranje lager. " +
    "Alleen waar beide metingen genoeg respondenten hebben staat een verschil.",
  changeLegend: "verschil (nu − vorige)",
  changeColumns: { row: "Groep", construct: "Schaal", previous: "Vorige", current: "Nu", change: "Verschil" },

  likertBakker: (groep: string) => `${groep}: ervaring per uitspraak`,
  likertForms: (groep: string) => `${groep}: eigen betrokkenheid per uitspraak`,
  likertChart: "Antwoorden per uitspraak: ervaring",
  likertFormsChart: "Antwoorden per uitspraak: betrokkenheid",
  trend: (groep: string) => `${groep}: verloop over de metingen`,
  trendChart: "Verloop over de metingen",
  trendForms: (groep: string) => `${groep}: betrokkenheid over de metingen`,
  trendFormsChart: "Betrokkenheid over de metingen",

  boardHeatmap: "Scholen naast elkaar, per meting",
  boardHeatmapTitle: (scaleMax: number) => `Ervaring per school en meting (1–${scaleMax})`,
  boardRowLabel: (school: string, wave: string) => `${school} · ${wave}`,
  boardChange: (previous: string) => `Verandering per school sinds ${previous}`,
  boardResponse: (wave: string) => `Respons per school, ${wave}`,
  profiles: (wave: string) => `Partnerschapsvormen per school, ${wave}`,
  profilesChart: "Profielen van partnerschapsvormen",
  reliability: "Betrouwbaarheid van de schalen",
  reliabilityTitle: (wave: string) => `Cronbachs alfa per schaal, alle scholen, ${wave}`,
  reliabilityDescription:
    "Interne consistentie van elke schaal over alle respondenten van het bestuur in deze meting: " +
    "Cronbachs alfa met 95%-interval (Feldt). 0,70 of hoger is voldoende.",
  reliabilityAxis: "Cronbachs alfa",

  profieleisen: "Profieleisen in de observaties",
  profieleisenTitle: "Aandeel JA op de gekoppelde observatie-items, per profieleis en fase",
  profieleisenDescription:
    "Per profieleis startbekwaam het aandeel JA van alle JA/NEE-scores op de observatie-items die ermee " +
    "verbonden zijn, per fase. Alleen items met genoeg studenten tellen mee; n is het aantal scores. " +
    "Een groepsbeeld voor de leerlijn, geen beoordeling van studenten.",
  profieleisenAxis: "aandeel JA",
  feedback: "Feedback van opleidingsouders",
  feedbackTitle: "Oordeel van opleidingsouders per vraag en fase",
  feedbackDescription: (scaleMax: number) =>
    `Gemiddeld antwoord van opleidingsouders per vraag (1 = nee, helemaal niet; ${scaleMax} = ja, helemaal), ` +
    "per fase, met 95%-interval. Tussen haakjes de profieleisen waar de vraag op wijst.",
  feedbackAxis: (scaleMax: number) => `gemiddelde (1–${scaleMax})`,
  sections: "Observaties per onderdeel van de formulieren",
  sectionsTitle: "Aandeel JA per onderdeel en fase",
  sectionsDescription:
    "Per onderdeel van de observatieformulieren het aandeel JA van alle JA/NEE-scores op de items ervan, per fase. " +
    "Tussen haakjes de profieleisen waar het onderdeel op wijst. Alleen items met genoeg studenten tellen mee; n is het aantal scores.",
  itemsOf: (form: string) => `Observatie-items van het ${form.toLowerCase()}, per fase`,
  questionWithLinks: (text: string, ids: readonly string[]) =>
    ids.length === 0 ? text : `${text} (${ids.join(", ")})`,

  columns: {
    category: "Onderdeel",
    series: "Reeks",
    value: "Waarde",
    low: "95%-interval laag",
    high: "95%-interval hoog",
    n: "n",
    status: "Status",
    school: "School",
    items: "items",
  },
  noValue: "geen gegevens",
  noAnswers: "geen open antwoorden",
  suppressed: (reason: string) => `onderdrukt: ${reason}`,
  signed: (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatNumber(Math.abs(value), 2)}`,
  nText: (n: number) => `n = ${n}`,
};

export const boardMessages = {
  heatmapDescription: (bestuur: string, scaleMax: number) =>
    `Heatmap van de gemiddelde ervaring van ouders (1–${scaleMax}) per school van ${bestuur} en per meting, ` +
    "per Bakker-conditie. Grijze vakken: te weinig respondenten.",
  responseDescription: (bestuur: string, wave: string) =>
    `Staafdiagram van de respons per school van ${bestuur} in ${wave}: ingevulde vragenlijsten als deel van de gezinnen op de groepslijsten.`,
  profilesDescription: (scaleMax: number) =>
    `Gemiddelde eigen betrokkenheid van ouders per partnerschapsvorm (1 = nooit, ${scaleMax} = vaak), per school, met 95%-interval.`,
};
