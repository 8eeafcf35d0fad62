/** Dutch messages of the CLI, in one place. */
export const cliMessages = {
  unknownFormat: (format: string, allowed: readonly string[]) =>
    `Onbekend uitvoerformaat "${format}"; kies uit: ${allowed.join(", ")}.`,
  unexpected: (detail: string) => `Onverwachte fout: ${detail}. Voer opnieuw uit met --debug voor details.`,
  outOfMemory: () =>
    "DuckDB had te weinig geheugen voor deze opdracht. Wat al was opgeslagen, blijft; er is niets half opgeslagen. Kies een kleinere selectie (één school, één meting) of probeer het opnieuw met minder andere programma's open.",
  usageHint: "Gebruik --help voor uitleg.",
  helpOption: "toon deze uitleg",
  helpTitles: {
    "Usage:": "Gebruik:",
    "Options:": "Opties:",
    "Commands:": "Opdrachten:",
    "Arguments:": "Argumenten:",
  } as Record<string, string>,
  /** Commander's own usage errors, in Dutch. */
  usageError: (text: string): string => {
    const rules: [RegExp, (...m: string[]) => string][] = [
      [/^error: unknown command '(.+)'/, (c) => `onbekende opdracht '${c}'`],
      [/^error: unknown option '(.+)'/, (o) => `onbekende optie '${o}'`],
      [/^error: missing required argument '(.+)'/, (a) => `verplicht argument '${a}' ontbreekt`],
      [/^error: option '(.+)' argument missing/, (o) => `optie '${o}' heeft een waarde nodig`],
      [/^error: required option '(.+)' not specified/, (o) => `verplichte optie '${o}' ontbreekt`],
      [/^error: too many arguments/, () => "te veel argumenten"],
      [
        /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./,
        (o, v, c) => `ongeldige waarde '${v}' voor ${o}; toegestaan: ${c}`,
      ],
    ];
    for (const [re, make] of rules) {
      const m = re.exec(text.trim());
      if (m) return `fout: ${make(...m.slice(1))}\n`;
    }
    return text.replace(/^error:/, "fout:");
  },

  problemLabel: { error: "fout", warning: "waarschuwing" },
  found: "gevonden",
  expected: "verwacht",
  hint: "tip",
  row: (n: number) => `rij ${n}`,
  column: (c: string) => `kolom "${c}"`,
  /** a problem that repeats in one column: "44 keer: … (rijen 3, 5, 9, …)" */
  repeated: (count: number, rows: readonly number[], message: string) =>
    `${count} keer: ${message}${rows.length === 0 ? "" : ` (${rows.length === 1 ? "rij" : "rijen"} ${rows.join(", ")}${count > rows.length ? ", …" : ""})`}`,
  foundFirst: "eerste waarde",
  moreProblems: (shown: number, total: number, kind: "error" | "warning") =>
    `… en nog ${total - shown} ${kind === "error" ? "fout(en)" : "waarschuwing(en)"} (de eerste ${shown} staan hierboven).`,

  instrumentsNone: (dirs: readonly string[]) => `Geen instrumenten gevonden in: ${dirs.join(", ")}.`,
  instrumentBroken: (count: number) =>
    `${count} instrumentbestand(en) zijn ongeldig; controleer ze met 'zaz instrument check BESTAND'.`,
  instrumentOk: (file: string) => `${file}: in orde.`,
  instrumentErrors: (count: number) => `${count} probleem/problemen gevonden.`,

  alreadyImported: (file: string, at: string, id: string) =>
    `${file} is al ingelezen${at === "" ? "" : ` op ${at.slice(0, 16).replace("T", " ")}`} (import ${id.slice(0, 12)}): niets nieuw, niets toegevoegd.`,
  progressLabel: "Inlezen",
  validateLabel: "Controleren",
  summaryValid: (file: string) => `${file}: in orde — er is niets opgeslagen (zaz validate).`,
  summaryImported: (file: string, id: string) => `${file}: ingelezen als import ${id.slice(0, 12)}.`,
  summaryRows: (rows: string, responses: string) =>
    `  rijen gelezen:          ${rows}\n  antwoordformulieren:    ${responses}`,
  summaryStored: (added: string, skipped: string) =>
    `  nieuw opgeslagen:       ${added}${skipped === "0" ? "" : ` (${skipped} stonden er al in en zijn overgeslagen)`}`,
  summaryNothingNew: "  Niets nieuws: alle antwoorden stonden al in de database.",
  summaryReplaced: (replaced: string) =>
    `  waarvan vervangen:      ${replaced} (met andere antwoorden dan de opgeslagen versie; die is verwijderd)`,
  /** "12 previewrijen en 3 onvoltooide reacties niet geïmporteerd" */
  summaryExcluded: (preview: number, unfinished: number) => {
    const n = (x: number) => x.toLocaleString("nl-NL");
    const parts = [
      preview > 0
        ? `${n(preview)} ${preview === 1 ? "previewrij" : "previewrijen"} (voorbeeld, test of spam)`
        : "",
      unfinished > 0
        ? `${n(unfinished)} ${unfinished === 1 ? "onvoltooide reactie" : "onvoltooide reacties"}`
        : "",
    ].filter((p) => p !== "");
    return `  ${parts.join(" en ")} niet geïmporteerd${unfinished > 0 ? " (onvoltooide toch inlezen: --onvoltooid-meenemen)" : ""}`;
  },
  summaryAnswers: (answers: string) => `  antwoorden:             ${answers}`,
  summaryAnswersStored: (stored: string) =>
    `  antwoorden opgeslagen:  ${stored} (met de ontbrekende erbij, zoals 'zaz imports' telt)`,
  summaryMissing: (weetNiet: string, nvt: string, leeg: string) =>
    `  ontbrekend:             weet niet ${weetNiet} · n.v.t. ${nvt} · leeg ${leeg}`,
  summaryDropped: (count: number, identifiers: number) =>
    `  kolommen niet opgeslagen: ${count}${identifiers > 0 ? ` (waarvan ${identifiers} met namen, e-mailadressen of IP-adressen: verwijderd)` : ""}`,
  summaryWarnings: (count: number) => `  waarschuwingen:         ${count}`,
  summaryLanguage: (name: string, code: string, source: "flag" | "headers" | "column" | "default") =>
    `  taal van het formulier: ${name} (${code}${
      {
        flag: ", volgens --taal",
        headers: ", herkend aan de kolomkoppen",
        column: ", per antwoord uit de taalkolom; lege cellen: herkend aan de kolomkoppen",
        default: ", geen vertaalde kolomkoppen gevonden",
      }[source]
    })`,
  instrumentLanguageUnknown: (id: string, language: string, known: readonly string[]) =>
    `Instrument ${id} heeft geen vertaling "${language}"; kies uit: ${known.join(", ")}.`,
  instrumentUntranslated: (language: string, count: number, what: readonly string[]) =>
    `Let op: ${count} tekst(en) van de vertaling "${language}" ontbreken en staan er in het Nederlands: ${what.slice(0, 8).join(", ")}${what.length > 8 ? " …" : ""}.`,
  instrumentToReview: (name: string, note: string) =>
    `Let op: de vertaling in het ${name} is nog niet nagekeken door een moedertaalspreker${note === "" ? "." : ` (${note})`}`,
  noImports: "Er is nog niets ingelezen. Begin met: zaz ingest BESTAND --instrument ID",
  removeWhat: "Geef precies één van --import ID of --respondent PSEUDONIEM.",
  importUnknown: (id: string) =>
    `Geen import gevonden met id "${id}" (geef minstens 6 tekens; zie 'zaz imports').`,
  importAmbiguous: (id: string, n: number) => `"${id}" past bij ${n} imports; geef meer tekens van het id.`,
  mapRepeatedColumn: (header: string, number: number, letter: string) =>
    `${header} (kolom ${number}, ${letter})`,
  placeholderIdentity: (value: string) =>
    `"${value}" is geen naam of e-mailadres maar een plaatshouder (zoals Microsoft Forms "anonymous" schrijft): zulke rijen krijgen geen pseudoniem, dus er is niemand om op te zoeken of te wissen.`,
  notAPseudonym: (value: string) =>
    `"${value}" is geen pseudoniem (zoals p-1a2b3c4d5e6f7a8b). Zoek het op met: zaz pseudoniem "naam of e-mailadres"`,
  removedImport: (file: string, id: string) => `import ${id.slice(0, 12)} (${file})`,
  removedRespondent: (p: string) => `respondent ${p}`,
  removed: (what: string, responses: number, answers: number, onPostgres = false) =>
    `Verwijderd: ${what} — ${responses} antwoordformulier(en) met ${answers} antwoord(en). ${
      onPostgres
        ? "PostgreSQL geeft de ruimte vrij voor hergebruik (VACUUM); wis ook oude back-ups (pg_dump) waar de waarden nog in staan."
        : "De waarden zijn ook uit het databasebestand gewist."
    }`,
  mapExplain: (via: string, ignoreReason?: string) =>
    ({
      id: "vraagcode komt overeen",
      alias: "kolomnaam komt overeen",
      text: "vraagtekst komt overeen",
      export:
        ignoreReason === "identifier"
          ? "naam/e-mail/IP: wordt nooit opgeslagen"
          : ignoreReason === "toolMetadata"
            ? "administratie van het enquêteprogramma"
            : "id of tijdstip van het antwoord",
      similar: "lijkt erop — controleer",
      mappingFile: "uit koppelbestand",
    })[via] ?? "",
  mapCheck: "lijkt erop — controleer",
  mapNewChoices:
    'Vaak genoemd bij "Anders" — voeg ze als keuze toe aan een kopie van het instrument (zaz instrument check) om ze apart te tellen:',
  mapNewChoice: (label: string, count: number, item: string) => `"${label}" (${count} keer, vraag ${item})`,
  mapNoMatch: "geen passend item gevonden: wordt niet opgeslagen",
  mapWritten: (out: string, unsure: number, ignored: number, file: string, instrument: string) =>
    `Koppelbestand geschreven: ${out}\n${unsure} kolom(men) zijn een voorstel om te controleren; ${ignored} kolom(men) worden niet opgeslagen.\nPas het bestand zo nodig aan en lees daarna in met:\n  zaz ingest ${file} --instrument ${instrument} --map ${out}`,
  rosterNoGroep:
    "Het instrument ouderpopulatie met de dimensie groep is niet gevonden; het rooster kan de groepen niet controleren.",
  rosterStored: (n: number) =>
    `${n} roosterregel(s) opgeslagen; oudere regels van dezelfde school en meting zijn vervangen.`,
  mappingFileNotFound: (path: string) =>
    `Koppelbestand niet gevonden of niet leesbaar: ${path}. Maak het met 'zaz map BESTAND --instrument ID' of controleer het pad na --map.`,
  exportNeeds: (kind: string, flag: string) => `zaz export ${kind} heeft ${flag} nodig.`,
  exportKinds: (kind: string) =>
    `Onbekend rapport "${kind}" voor export; kies klassen, groep, scholen of leerlijn.`,
  voorbeeldFile: (file: string) => `  ingelezen: ${file}`,
  voorbeeldFailed: (file: string) => `Inlezen van het voorbeeldbestand ${file} is mislukt.`,
  voorbeeldDone: (n: number) =>
    `${n} voorbeeldexports en het rooster staan in de database (opnieuw inlezen voegt niets toe).`,
  reportWritten: (path: string) => `Rapport geschreven: ${path}`,
  pdfNeedsOutput: "Een PDF wordt naar een bestand geschreven: geef -o BESTAND.pdf op.",
  ingestNothingWritten: "Er is niets opgeslagen; de database is ongewijzigd.",
  nothingSaved: "Er is niets opgeslagen.",
  ingestErrors: (count: number) => `${count} fout(en) in het bestand.`,
};
