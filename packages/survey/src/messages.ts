/** Dutch messages of reading an export (bytes → rows). */
export const readMessages = {
  unknownEncoding: (name: string) => `Onbekende codering "${name}".`,
  encodingChoices: "utf-8, windows-1252, utf-16le of utf-16be",
  unknownDelimiter: (name: string) => `Onbekend scheidingsteken "${name}".`,
  delimiterChoices: "komma (,), puntkomma (;), tab of |",

  emptyFile: "Het bestand is leeg.",
  emptyFileHint: "Exporteer de antwoorden opnieuw uit het enquêteprogramma en kies CSV.",
  noRows: "Het bestand bevat alleen kopregels en geen antwoorden.",
  noRowsHint: "Controleer of u de export met de antwoorden hebt gekozen en niet een leeg sjabloon.",
  singleColumn:
    "Het bestand heeft maar één kolom: er is geen komma, puntkomma, tab of | gevonden die de kolommen scheidt.",
  singleColumnHint:
    "Geef het scheidingsteken op met --delimiter als het bestand meer kolommen hoort te hebben.",

  duplicateHeader: (header: string, first: string, second: string) =>
    `Kolom ${first} en kolom ${second} hebben dezelfde kop "${header}".`,
  duplicateHeaderHint: "Geef elke kolom een eigen kop, of verwijder de dubbele kolom.",

  tooManyFields: (found: number, expected: number) =>
    `Deze rij heeft ${found} velden, maar de kopregel heeft er ${expected}.`,
  tooManyFieldsHint: (delimiter: string) =>
    `Waarschijnlijk staat er een scheidingsteken (${delimiter}) in een antwoord zonder aanhalingstekens; zet zo'n antwoord tussen dubbele aanhalingstekens.`,
  tooFewFields: (found: number, expected: number) =>
    `Deze rij heeft maar ${found} velden, maar de kopregel heeft er ${expected}.`,
  tooFewFieldsHint:
    "Waarschijnlijk is de rij afgebroken door een regeleinde in een antwoord zonder aanhalingstekens, of ontbreken er kolommen.",
  fieldCount: (n: number) => `${n} velden`,

  nulByte: (column: string) =>
    `Kolom "${column}" bevat een nul-teken: dit lijkt geen tekstbestand, of het is in een verkeerde codering gelezen.`,
  nulByteHint:
    "Sla het bestand op als 'CSV UTF-8' of geef de codering op met --encoding (bijvoorbeeld utf-16le).",

  replacementCharacter: (column: string, encoding: string) =>
    `Kolom "${column}" bevat tekens die niet als ${encoding} te lezen zijn (weergegeven als �): verkeerde codering.`,
  replacementCharacterHint: (encoding: string) =>
    encoding === "utf-8"
      ? "Het bestand is waarschijnlijk met Excel als Windows-1252 opgeslagen: lees het met --encoding windows-1252."
      : "Controleer de codering van het bestand en geef die op met --encoding (bijvoorbeeld utf-8).",
  validText: "tekst zonder �",
  damagedText: (column: string) =>
    `Kolom "${column}" bevat het teken �: de tekst was al beschadigd voordat hij werd geëxporteerd.`,

  unclosedQuote: (column: string) =>
    `Het aanhalingsteken aan het begin van kolom "${column}" wordt nergens gesloten; de rest van het bestand zou in die ene cel belanden.`,
  unclosedQuoteHint: 'Controleer of aan het eind van dit antwoord een " ontbreekt.',
  closingQuote: 'een sluitend aanhalingsteken (")',
  recordTooLarge: (max: number) =>
    `Deze rij is langer dan het maximum van ${max.toLocaleString("nl-NL")} tekens.`,
  recordTooLargeHint:
    "Meestal komt dit door een aanhalingsteken dat niet gesloten is, een paar rijen hoger of in deze rij.",
  parseError: (detail: string) => `Het bestand kan hier niet als CSV worden gelezen: ${detail}`,
  parseErrorHint: "Open het bestand in Excel of een teksteditor en controleer deze rij.",
} as const;
