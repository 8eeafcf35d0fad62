/** Dutch messages about finding and loading instrument files. */
export const instrumentFileMessages = {
  fileNotFound: (file: string) => `Instrumentbestand niet gevonden: ${file}`,
  unknownInstrument: (id: string, known: readonly string[]) =>
    `Onbekend instrument "${id}". Beschikbaar: ${known.length > 0 ? known.join(", ") : "(geen)"}. Geef een id of een pad naar een .json-bestand.`,
  didYouMean: (id: string) => `bedoelde u "${id}"?`,
};
