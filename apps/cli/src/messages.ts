/** Dutch messages of the CLI, in one place. */
export const cliMessages = {
  unknownFormat: (format: string, allowed: readonly string[]) =>
    `Onbekend uitvoerformaat "${format}"; kies uit: ${allowed.join(", ")}.`,
  unexpected: (detail: string) => `Onverwachte fout: ${detail}. Voer opnieuw uit met --debug voor details.`,
  usageHint: "Gebruik --help voor uitleg.",
  helpOption: "toon deze uitleg",
  helpTitles: { "Usage:": "Gebruik:", "Options:": "Opties:", "Commands:": "Opdrachten:", "Arguments:": "Argumenten:" } as Record<
    string,
    string
  >,
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
  moreProblems: (shown: number, total: number, kind: "error" | "warning") =>
    `… en nog ${total - shown} ${kind === "error" ? "fout(en)" : "waarschuwing(en)"} (de eerste ${shown} staan hierboven).`,

  instrumentsNone: (dirs: readonly string[]) => `Geen instrumenten gevonden in: ${dirs.join(", ")}.`,
  instrumentBroken: (count: number) =>
    `${count} instrumentbestand(en) zijn ongeldig; controleer ze met 'zaz instrument check BESTAND'.`,
  instrumentOk: (file: string) => `${file}: in orde.`,
  instrumentErrors: (count: number) => `${count} probleem/problemen gevonden.`,

  ingestNothingWritten: "Er is niets opgeslagen; de database is ongewijzigd.",
  ingestErrors: (count: number) => `${count} fout(en) in het bestand.`,
};
