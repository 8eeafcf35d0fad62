/** Dutch text of the analysis: cell labels, problems and formulas. */

export const analysisMessages = {
  belowK: (k: number) => `minder dan ${k} respondenten`,
  belowKStudents: (k: number) => `minder dan ${k} studenten`,
  complementary: "afgeschermd, anders is een kleine groep terug te rekenen",
  empty: "geen gegevens",
  unknownGroup: "onbekend",

  privacyTooLow: (name: string, value: number, minimum: number) =>
    `${name} = ${value} is te laag: de kleinste toegestane waarde is ${minimum}, zodat kleine groepen herkenbaar blijven afgeschermd.`,
  privacyNotWhole: (name: string, value: number) => `${name} = ${value} is geen geheel getal.`,
  privacyKHint: "k is het kleinste aantal respondenten waarvoor een uitkomst getoond wordt (standaard 5)",
  privacyKTextHint:
    "kText is het kleinste aantal respondenten waarvoor open antwoorden getoond worden (standaard 10, nooit minder dan k)",

  unknownDimension: (id: string, known: readonly string[]) =>
    `Onbekende dimensie "${id}"; kies uit: ${known.join(", ")}.`,
  personDimension: (label: string) =>
    `Uitkomsten per ${label.toLowerCase()} worden nooit getoond: het gaat om één persoon. Alleen de ontwikkelrapportage van de student zelf laat eigen feedback zien.`,
  personDimensionHint: "kies een groepering zoals fase, cohort of gesprekssoort",
  dimensionTwice: (label: string) => `${label} staat zowel in het bereik als in de groepering.`,
  unknownConstruct: (id: string, known: readonly string[]) =>
    `Onbekend construct "${id}"; kies uit: ${known.join(", ")}.`,
  unknownItem: (id: string, eligible: readonly string[]) =>
    `Item "${id}" bestaat niet of hoort niet in dit overzicht; kies uit: ${eligible.join(", ")}.`,
  waveInScope: (label: string) =>
    `${label} staat in het bereik of de groepering; een vergelijking van metingen kiest die zelf.`,
  unknownWave: (value: string, label: string) => `${label} "${value}" komt niet voor in de gegevens.`,
  noStudentDimension: (title: string) => `Instrument "${title}" heeft geen dimensie voor studenten.`,
  notDevelopment: (title: string) =>
    `Instrument "${title}" is geen ontwikkelinstrument; een ontwikkelrapportage per student bestaat alleen voor feedback op studenten.`,

  /** the top category of a number of children: "4 of meer" */
  orMore: (n: number) => `${n} of meer`,

  /** labels of missing kinds where a scale does not name them itself */
  missingKind: { weet_niet: "weet niet", nvt: "n.v.t.", leeg: "leeg" } as Record<string, string>,
};
