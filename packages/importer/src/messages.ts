/** Dutch messages of the import pipeline (CLI and dashboard show them as they are). */
export const importerMessages = {
  fileNotFound: (path: string) => `Bestand niet gevonden of niet leesbaar: ${path}`,
  /** a changed response: its row now, and where the stored version came from */
  changedRow: (row: number, earlierRow: number, earlierFile: string) =>
    `rij ${row} (was rij ${earlierRow} in ${earlierFile})`,
  responsesChanged: (
    count: number,
    file: string,
    earlier: readonly { fileName: string; importId: string }[],
    rows: readonly string[],
    more: number,
  ) =>
    `${count} ${count === 1 ? "antwoord" : "antwoorden"} gewijzigd sinds de vorige import: ${file} bevat ${
      count === 1 ? "een antwoordformulier dat al is" : "antwoordformulieren die al zijn"
    } ingelezen uit ${earlier.map((e) => `${e.fileName} (import ${e.importId.slice(0, 12)})`).join(", ")}, maar met andere antwoorden: ${rows.join(", ")}${
      more > 0 ? ` en nog ${more}` : ""
    }.`,
  responsesChangedHint: (file: string) =>
    `is de nieuwe export de juiste versie, lees dan opnieuw in met --vervang (zaz ingest ${file} … --vervang): de opgeslagen versies worden dan vervangen`,
  responseTwice: (firstRow: number, row: number, more: number) =>
    `rij ${firstRow} en rij ${row} zijn hetzelfde antwoordformulier (zelfde id) met verschillende antwoorden${
      more > 0 ? `; zo ook nog ${more} andere` : ""
    }: een export kan maar één versie van een antwoordformulier bevatten.`,
  releaseDeferred: (reason: string) =>
    `De gegevens zijn opgeslagen, maar wat de overzichten verbergen om antwoorden niet herleidbaar te maken kon nu niet worden gekozen (${reason}). Dat gebeurt alsnog voordat het eerste overzicht wordt getoond.`,
  releaseOutOfMemory: "DuckDB had te weinig geheugen",
  responseTwiceHint:
    "exporteer opnieuw uit het enquêteprogramma, of verwijder de verouderde rij uit het bestand",
};

/**
 * The export file cannot be read (missing, a folder, no permission): a user's mistake with a
 * complete Dutch message, known by its name as the store's StoreError is.
 */
export class ImportFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportFileError";
  }
}
