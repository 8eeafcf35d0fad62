/** Dutch messages for errors a user can meet when the store cannot do its work. */
export const storeMessages = {
  analysisTimeout: (seconds: number) =>
    `Een berekening in de PostgreSQL-database duurde langer dan ${seconds} s en is afgebroken. Verhoog de grens met ZAZ_DB_ANALYSIS_TIMEOUT_MS (in milliseconden) of kies een kleinere selectie.`,
  databaseLocked: (path: string) =>
    `De database ${path} is al geopend door een ander programma (bijvoorbeeld het dashboard of een andere zaz-opdracht). Sluit dat eerst en probeer het opnieuw.`,
  databaseHeldByDashboard: (path: string, url: string, pid: number) =>
    `De database ${path} is in gebruik door het dashboard dat draait op ${url} (proces ${pid}). Lees bestanden in via de uploadpagina (${url.replace(/\/$/, "")}/upload), of stop het dashboard en probeer het opnieuw.`,
  schemaTooNew: (path: string, found: number, known: number) =>
    `De database ${path} heeft schemaversie ${found}, maar dit programma kent versies tot en met ${known}. Werk Zij aan Zij bij.`,
  storeClosed: () => "De database is al gesloten.",
  postgresUnreachable: (url: string, detail: string) =>
    `Kan de PostgreSQL-database ${url} niet openen: ${detail}. Controleer het adres in --db of ZAZ_DB (gebruiker, wachtwoord, server, poort en databasenaam) en of de server draait.`,
  accountsInDatabase: (path: string) =>
    `De accounts van het dashboard kunnen niet in de onderzoeksdatabase ${path} zelf: kies met --accounts-db of ZAZ_ACCOUNTS_DB een ander bestand.`,
  storedInstrumentInvalid: (key: number) =>
    `Het instrument dat met de gegevens is opgeslagen (nummer ${key}) voldoet niet meer aan het schema van deze versie van Zij aan Zij. Werk Zij aan Zij bij, of lees de gegevens opnieuw in.`,
  compactionFailed: (path: string, detail: string) =>
    `De gegevens zijn verwijderd, maar het bestand ${path} kon niet worden herschreven (${detail}); bij de volgende keer openen wordt dat opnieuw geprobeerd.`,
  responsesChanged: (file: string, count: number, earlierFiles: readonly string[]) =>
    `${count} ${count === 1 ? "antwoord" : "antwoorden"} gewijzigd sinds de vorige import: ${file} bevat ${count === 1 ? "een antwoordformulier dat" : "antwoordformulieren die"} al ${count === 1 ? "is" : "zijn"} opgeslagen uit ${[...new Set(earlierFiles)].join(", ")}, met andere antwoorden. Er is niets opgeslagen; vervang de opgeslagen versie alleen als de nieuwe de juiste is.`,
  conflictingResponses: (file: string, count: number, firstRow: number, row: number) =>
    `${file} bevat ${count === 1 ? "een antwoordformulier" : `${count} antwoordformulieren`} twee keer met verschillende antwoorden (bijvoorbeeld rij ${firstRow} en rij ${row}); een export kan maar één versie van een antwoordformulier bevatten. Er is niets opgeslagen.`,
  importOutOfMemory: (file: string, limit: string) =>
    `Het geheugen voor een import (${limit}) was te klein voor ${file}. Er is niets opgeslagen. Splits het bestand in delen van minder rijen en lees die na elkaar in: een antwoordformulier dat al is ingelezen, wordt bij een volgend deel overgeslagen.`,
  databaseIsDirectory: (path: string) =>
    `${path} is een map, geen databasebestand. Geef met --db of ZAZ_DB een bestandsnaam op, bijvoorbeeld ${path.replace(/[\\/]+$/, "")}/zaz.duckdb.`,
  notADatabase: (path: string) =>
    `Het bestand ${path} is geen database van Zij aan Zij (geen DuckDB-databasebestand). Kies met --db of ZAZ_DB het juiste bestand, of een nieuwe bestandsnaam om een nieuwe database te beginnen.`,
  databaseCorrupt: (path: string) =>
    `Het databasebestand ${path} is beschadigd en kan niet worden gelezen. Zet een reservekopie terug, of begin met een nieuwe bestandsnaam in --db en lees de exports opnieuw in.`,
  databaseNoAccess: (path: string) =>
    `Kan de database ${path} niet openen: geen toegang tot het bestand of de map. Kies met --db of ZAZ_DB een bestand in een map waarin u mag schrijven, of pas de rechten aan.`,
  databaseCannotCreate: (path: string) =>
    `Kan de database ${path} niet aanmaken: de map bestaat niet en kan daar niet worden gemaakt. Kies met --db of ZAZ_DB een bestand in een bestaande map.`,
  folderIsFile: (file: string, blocking: string) =>
    `Kan ${file} niet aanmaken: ${blocking} is een bestand, geen map. Kies met --db of ZAZ_DB een andere plek voor de database.`,
  folderNoAccess: (file: string) =>
    `Kan ${file} niet aanmaken: geen toegang tot de map waarin het moet komen. Kies met --db of ZAZ_DB een map waarin u mag schrijven, of pas de rechten aan.`,
  keyDamaged: (path: string, bytes: number, expected: number) =>
    `De pseudonimiseringssleutel ${path} is beschadigd (${bytes} bytes, verwacht ${expected}). Zet hem terug uit een reservekopie: met een nieuwe sleutel komen de pseudoniemen niet meer overeen met wat al is opgeslagen.`,
  diskFull: (path: string) =>
    `De schijf is vol: ${path} kon niet worden geschreven. Maak ruimte vrij en probeer het opnieuw; wat hierdoor niet lukte, is niet opgeslagen.`,
  importDiskFull: (file: string, path: string) =>
    `De schijf is vol: ${path} kon niet worden geschreven, dus ${file} is niet ingelezen. Er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw.`,
  registryIdTaken: (kind: string, id: string) => `Er is al een ${kind} met id "${id}" geregistreerd.`,
  registryUnknownBestuur: (school: string, bestuur: string) =>
    `School "${school}" hoort bij bestuur "${bestuur}", maar dat bestuur is niet geregistreerd.`,
};

/** An error meant to be shown to the user as it is (its message is Dutch). */
export class StoreError extends Error {
  override readonly name = "StoreError";
}

/**
 * DuckDB out of its memory limit: in a statement, or in the checkpoint of a commit (which then
 * invalidates the database until it is opened again).
 */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /Out of Memory Error|database has been invalidated/.test(text);
}

/**
 * The file DuckDB could not write because the disk (or the user's quota) is full, or undefined when
 * `error` is not that. DuckDB names the file; `fallback` when it does not.
 */
export function diskFullPath(error: unknown, fallback: string): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  if (!/No space left on device|Disk quota exceeded/.test(text)) return undefined;
  return /Could not write file "([^"]+)"/.exec(text)?.[1] ?? fallback;
}

/** `error` as the StoreError of a full disk (diskFullPath), or as it is */
export function asDiskFull(error: unknown, fallback: string): unknown {
  const path = diskFullPath(error, fallback);
  return path === undefined ? error : new StoreError(storeMessages.diskFull(path), { cause: error });
}
