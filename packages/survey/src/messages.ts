import type { NotCsvKind } from "./read/not-csv-file.js";

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

  notCsv: (kind: NotCsvKind) =>
    `Dit is ${
      {
        xlsx: "een Excel-werkmap (.xlsx)",
        ods: "een OpenDocument-rekenblad (.ods)",
        docx: "een Word-document (.docx)",
        zip: "een zip-archief",
        xls: "een Excel-bestand in het oude formaat (.xls)",
        pdf: "een PDF-document",
        gzip: "een gzip-archief",
        image: "een afbeelding",
        html: "een webpagina (HTML)",
        binary: "een binair bestand",
      }[kind]
    }, geen CSV-bestand (tekst met kolommen).`,
  notCsvHint: (kind: NotCsvKind) =>
    kind === "xlsx" || kind === "xls" || kind === "ods"
      ? "Open het in Excel (of LibreOffice) en kies Opslaan als > 'CSV UTF-8 (door komma's gescheiden)', of download de antwoorden opnieuw als CSV uit het enquêteprogramma."
      : kind === "zip" || kind === "gzip"
        ? "Pak het archief uit en lees de CSV-export die erin zit in."
        : "Download de antwoorden uit het enquêteprogramma als CSV-bestand en lees dat in.",
  csvText: "een CSV-export: tekst met kolommen gescheiden door komma, puntkomma, tab of |",

  delimiterMismatch: (used: string, found: string, columns: number) =>
    `Met scheidingsteken ${used} heeft de kopregel maar één kolom, maar ${found} verdeelt de rijen in ${columns} kolommen: het scheidingsteken klopt niet.`,
  delimiterMismatchHint: (found: string) =>
    `Geef het scheidingsteken op met --delimiter '${found}', of laat --delimiter weg zodat het wordt herkend.`,
  headerDelimiterMismatch: (found: string, columns: number, header: string | undefined) =>
    `De kopregel heeft maar één kolom, maar de rijen hebben er ${columns}, gescheiden door ${found}${header === undefined ? "" : `; de kopregel gebruikt ${header}`}: de kopregel en de rijen hebben niet hetzelfde scheidingsteken.`,
  headerDelimiterMismatchHint: (found: string) =>
    `Zet in de kopregel hetzelfde scheidingsteken (${found}) als in de rijen, of exporteer het bestand opnieuw als CSV; --delimiter kiest één scheidingsteken voor het hele bestand.`,
  delimiterColumns: (columns: number) => `${columns} kolommen in de kopregel`,

  unnamedColumn: (letter: string, row: number) =>
    `Kolom ${letter} heeft geen kop, maar bevat antwoorden (de eerste in rij ${row}); zonder kop of koppeling zouden ze verloren gaan.`,
  unnamedColumnExpected: "een kop boven elke kolom met antwoorden",
  unnamedColumnHint: (letter: string, number: number) =>
    `Zet in de kopregel een kop boven kolom ${letter} (bijvoorbeeld de vraagtekst), of koppel de kolom op nummer in een koppelbestand — {"column": ${number}, "target": "item:…"} — en lees in met --map.`,
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
  notUtf8InUtf8: (column: string) =>
    `Kolom "${column}" bevat een teken dat geen UTF-8 is (weergegeven als �), terwijl de rest van het bestand UTF-8 is: er staan twee coderingen door elkaar in het bestand.`,
  utf8InWindows1252: (column: string) =>
    `Kolom "${column}" bevat UTF-8-tekst (zoals "Ã©" voor "é"), terwijl de rest van het bestand Windows-1252 is: er staan twee coderingen door elkaar in het bestand.`,
  oneEncoding: "het hele bestand in één codering (bij voorkeur UTF-8)",
  mixedEncodingHint:
    "Verbeter deze cel in Excel of een teksteditor en sla het bestand op als 'CSV UTF-8'; --encoding helpt hier niet, want het bestand heeft twee coderingen.",
  utf8InWindows1252Hint:
    "Sla het bestand op als 'CSV UTF-8' en verbeter zo nodig deze cel. Is dit toch gewone Windows-1252-tekst? Geef dan --encoding windows-1252 op.",
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
