import type { IgnoreReason } from "./column-target.js";

/** Dutch messages of mapping, normalising and validating an export. */
export const ingestMessages = {
  mappingInvalidJson: (detail: string) => `Het koppelbestand is geen geldige JSON: ${detail}`,
  mappingField: (path: string, text: string) => `${path}: ${text}`,
  mappingOtherInstrument: (found: string, expected: string) =>
    `Het koppelbestand hoort bij instrument "${found}", niet bij "${expected}".`,
  mappingUnknownTarget: (path: string, target: string) => `${path}: onbekend doel "${target}".`,
  mappingTargetForms:
    "item:ID, item:ID[CODE] (een kolom per keuze), item:ID[anders] (de tekst bij Anders), dimension:ID, meta:responseId, meta:submittedAt of ignore",
  otherWithoutChoice: (header: string, item: string) =>
    `Kolom "${header}" bevat de eigen tekst bij "Anders" van ${item}, maar die vraag heeft geen keuze "Anders".`,
  otherWithoutChoiceHint:
    "koppel de kolom aan een open vraag (item:ID) of aan 'ignore' met een koppelbestand (zaz map)",
  otherTextIgnored: (header: string) =>
    `Kolom "${header}" heeft een eigen tekst bij "Anders", maar in deze rij is een ander antwoord gekozen; de tekst wordt niet opgeslagen.`,
  repeatedHeader: (header: string, places: readonly string[]) =>
    `De kop "${header}" staat boven meer dan één kolom: kolom ${places.slice(0, -1).join(", ")} en ${places[places.length - 1]}; zo is niet te zien welke kolom bij welk item hoort.`,
  repeatedHeaderHint: (example: number) =>
    `maak een koppelbestand met 'zaz map BESTAND --instrument ID' (dat noemt zulke kolommen bij hun nummer, bijvoorbeeld "column": ${example}), controleer per kolom het doel en gebruik het met --map`,
  mappingAmbiguousHeader: (header: string, places: readonly string[]) =>
    `Het koppelbestand noemt kolom "${header}" bij zijn kop, maar die kop staat boven kolom ${places.join(", ")}.`,
  mappingPositionOutside: (column: number, count: number) =>
    `Het koppelbestand noemt kolom ${column}, maar het bestand heeft ${count} kolommen.`,
  mappingPositionHeader: (column: string, expected: string, found: string) =>
    `Volgens het koppelbestand heet kolom ${column} "${expected}", maar in het bestand heet die "${found}".`,
  mappingPositionHint: "maak het koppelbestand opnieuw met 'zaz map' als de export anders is ingedeeld",
  mappingDoubleColumn: (column: string) => `Het koppelbestand noemt kolom ${column} twee keer.`,
  mappingColumnAbsent: (header: string, file: string) =>
    `Kolom "${header}" staat niet in koppelbestand ${file} en wordt niet opgeslagen.`,
  mappingFileComment:
    "Koppeling van kolommen aan items en dimensies. Controleer elke regel met een lage zekerheid (confidence) en pas 'target' aan: item:ID, item:ID[CODE] (een kolom per keuze), item:ID[anders] (de tekst bij Anders), dimension:ID, meta:responseId, meta:submittedAt of ignore. 'column' is de kop van de kolom, of het kolomnummer (1 = kolom A) waar dezelfde kop boven meer kolommen staat; 'header' is dan de kop die op die plaats hoort. Gebruik het daarna met: zaz ingest BESTAND --instrument ID --map DIT-BESTAND",
  noteCheck: (text: string) => `CONTROLEER: lijkt op "${text}"`,
  noteRepeated: (text: string) =>
    `CONTROLEER: deze kop staat boven meer kolommen; op volgorde gekoppeld aan "${text}"`,
  ignoreReason: (reason: IgnoreReason) =>
    ({
      identifier: "naam, e-mailadres of IP-adres: zulke gegevens slaan we nooit op",
      toolMetadata: "administratie van het enquêteprogramma",
      unmapped: "geen passend item of dimensie in het instrument",
      byMapping: "genegeerd volgens het koppelbestand",
    })[reason],

  unknownLabel: (value: string, header: string) => `Onbekend antwoord "${value}" in kolom "${header}".`,
  optionValues: "Y (gekozen) of leeg (niet gekozen)",
  expectedLabels: (labels: readonly string[]) => `een van: ${labels.join(", ")}`,
  didYouMean: (label: string) => `bedoelde u "${label}"?`,
  formulaCell: (header: string) =>
    `Kolom "${header}" bevat een cel die begint met een formuleteken; die wordt als gewone tekst bewaard.`,
  formulaHint: "controleer of Excel hier een formule heeft opgeslagen in plaats van het antwoord",
  notANumber: (value: string, header: string) => `"${value}" in kolom "${header}" is geen getal.`,
  notAWholeNumber: (value: string, header: string) =>
    `"${value}" in kolom "${header}" is geen geheel getal; bij deze vraag hoort een geheel getal (een aantal).`,
  numberOutOfRange: (value: string, header: string) =>
    `"${value}" in kolom "${header}" valt buiten de toegestane waarden.`,
  ambiguousNumber: (value: string, header: string) =>
    `"${value}" in kolom "${header}" is niet eenduidig: de punt of komma kan een decimaalteken zijn of duizendtallen scheiden.`,
  ambiguousNumberHint:
    "schrijf duizendtallen zonder scheidingsteken (1250) en decimalen met één komma (1,25)",
  numberRange: (min: number | undefined, max: number | undefined, integer: boolean) => {
    const kind = integer ? "een geheel getal" : "een getal (decimalen met een komma of punt, zoals 12,5)";
    if (min !== undefined && max !== undefined) return `${kind} van ${min} tot en met ${max}`;
    if (min !== undefined) return `${kind} van minstens ${min}`;
    if (max !== undefined) return `${kind} van hoogstens ${max}`;
    return kind;
  },
  notADate: (value: string, header: string) => `"${value}" in kolom "${header}" is geen datum.`,
  dateForms: "een datum zoals 23-11-2026, 2026-11-23 of 23-11-2026 14:05",
  unknownDimensionValue: (value: string, label: string) => `Onbekende waarde "${value}" voor ${label}.`,
  refusedDimensionValue: (value: string, label: string, reason: string) =>
    `${label} "${value}" wordt niet aanvaard: ${reason}`,
  missingDimension: (label: string) => `${label} ontbreekt: er is geen kolom en geen vlag voor.`,
  missingDimensionHint: (flag: string) => `geef het mee met ${flag} of voeg een kolom toe`,
  emptyDimension: (label: string, header: string) => `${label} is leeg in kolom "${header}".`,
  flagAndColumn: (label: string, flag: string) =>
    `${label} komt uit een kolom én uit ${flag}; de kolom geldt, de vlag vult alleen lege cellen.`,
  duplicateTarget: (target: string, first: string, second: string) =>
    `Kolommen "${first}" en "${second}" zijn allebei gekoppeld aan ${target}.`,
  duplicateTargetHint: "koppel één van beide aan iets anders of aan 'ignore' met een koppelbestand (zaz map)",
  columnDropped: (header: string, why: string) => `Kolom "${header}" wordt niet opgeslagen (${why}).`,
  columnSimilar: (header: string, target: string, confidence: number) =>
    `Kolom "${header}" is waarschijnlijk ${target} (${Math.round(confidence * 100)}% gelijk), maar de kop wijkt af van het instrument; zonder koppeling gaan deze antwoorden verloren.`,
  columnSimilarWeak: (header: string, target: string, confidence: number) =>
    `Kolom "${header}" wordt niet opgeslagen; lijkt een beetje op ${target} (${Math.round(confidence * 100)}% gelijk).`,
  columnSimilarHint: "maak een koppelbestand met 'zaz map' en gebruik het met --map",
  itemAbsent: (count: number, ids: readonly string[]) =>
    `${count} item(s) van het instrument staan niet in het bestand: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? " …" : ""}.`,
  noItemsMapped: "Geen enkele kolom is aan een item van het instrument gekoppeld.",
  noItemsMappedHint:
    "kies het juiste instrument, of maak een koppelbestand met 'zaz map BESTAND --instrument ID'",
  unknownChoice: (value: string, header: string) => `Onbekende keuze "${value}" in kolom "${header}".`,
  otherChoice: (header: string) =>
    `Eigen antwoorden bij "Anders" in kolom "${header}" worden als "Anders" opgeslagen, met de tekst ernaast (alleen zichtbaar als open antwoord van groepen van minstens 10 ouders; zaz map stelt vaak genoemde antwoorden voor als nieuwe keuze).`,
  duplicateResponse: (key: string) =>
    `Dit antwoord staat twee keer in het bestand (${key}); het tweede wordt overgeslagen.`,
};

/** Dutch messages about rosters (the number of families per groep). */
export const rosterMessages = {
  columnMissing: (name: string) => `De kolom "${name}" ontbreekt in het roosterbestand.`,
  flagHint: (flag: string) => `geef het mee met ${flag} als het voor het hele bestand geldt`,
  badGroep: (value: string) => `"${value}" is geen groep.`,
  badFamilies: (value: string) => `"${value}" is geen aantal gezinnen.`,
  wholeNumber: "een geheel getal groter dan 0",
  emptyCell: "School of meting is leeg in deze rij.",
  duplicate: (school: string, groep: string, wave: string, first: number) =>
    `Groep ${groep} van ${school} in meting ${wave} staat al in rij ${first}.`,
  noRows: "Het roosterbestand bevat geen rijen.",
};
