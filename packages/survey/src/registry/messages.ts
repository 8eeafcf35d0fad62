/** Dutch messages of resolving school and board names against the registry. */
export const registryMessages = {
  kindLabel: (kind: string) => (kind === "bestuur" ? "schoolbestuur" : "school"),
  unknown: (kind: string, name: string) =>
    `${kind === "bestuur" ? "Schoolbestuur" : "School"} "${name}" is niet geregistreerd.`,
  unknownHint: (kind: string, name: string) =>
    kind === "bestuur"
      ? `registreer het met: zaz bestuur add "${name}" (of, als het met --bestuur is meegegeven: lees in met --nieuwe-school)`
      : `registreer haar met: zaz school add "${name}" --bestuur "<bestuur>" (of, als ze met --school is meegegeven: lees in met --nieuwe-school)`,
  near: (kind: string, name: string) =>
    `${kind === "bestuur" ? "Schoolbestuur" : "School"} "${name}" is niet geregistreerd, maar lijkt op een ${kind === "bestuur" ? "geregistreerd bestuur" : "geregistreerde school"}.`,
  nearHint: (name: string, id: string, kind: string) =>
    `bedoelde u "${name}" (id ${id})? Is het echt een ${kind === "bestuur" ? "ander bestuur" : "andere school"}, registreer het dan eerst met zaz ${kind} add`,
  ambiguous: (name: string, ids: readonly string[]) =>
    `Er zijn ${ids.length} scholen met de naam "${name}": ${ids.join(", ")}.`,
  ambiguousHint: "geef het bestuur mee (--bestuur) of gebruik het id van de school",
  elsewhere: (name: string, bestuur: string, ids: readonly string[]) =>
    `School "${name}" hoort niet bij schoolbestuur "${bestuur}" (wel geregistreerd: ${ids.join(", ")}).`,
  elsewhereHint: "controleer het bestuur, of registreer de school bij dit bestuur met zaz school add",
  candidate: (id: string, name: string, bestuur: string | null) =>
    bestuur === null ? `${id} (${name})` : `${id} (${name}, bestuur ${bestuur})`,
  registeredExpected: (kind: string) =>
    kind === "bestuur"
      ? "een geregistreerd schoolbestuur (zaz school list)"
      : "een geregistreerde school (zaz school list)",
};

export const registrationMessages = {
  exists: (kind: string, name: string, id: string) =>
    `${kind === "bestuur" ? "Schoolbestuur" : "School"} "${name}" is al geregistreerd (id ${id}).`,
  existsHint: "een andere weergavenaam geeft u met zaz school rename",
  similar: (kind: string, name: string, other: string, id: string) =>
    `${kind === "bestuur" ? "Schoolbestuur" : "School"} "${name}" lijkt op "${other}" (id ${id}); ze worden als twee aparte ${kind === "bestuur" ? "besturen" : "scholen"} geregistreerd.`,
  invalidBrin: (brin: string) =>
    `"${brin}" is geen BRIN-nummer: verwacht twee cijfers en twee letters, eventueel met een vestigingsnummer van twee cijfers (bijvoorbeeld 12AB00).`,
  brinTaken: (brin: string, name: string) => `BRIN-nummer ${brin} is al geregistreerd voor "${name}".`,
  emptyName: "Geef een naam op.",
};
