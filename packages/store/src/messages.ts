/** Dutch messages for errors a user can meet when the store cannot do its work. */
export const storeMessages = {
  databaseLocked: (path: string) =>
    `De database ${path} is al geopend door een ander programma (bijvoorbeeld het dashboard of een andere zaz-opdracht). Sluit dat eerst en probeer het opnieuw.`,
  schemaTooNew: (path: string, found: number, known: number) =>
    `De database ${path} heeft schemaversie ${found}, maar dit programma kent versies tot en met ${known}. Werk Zij aan Zij bij.`,
  storeClosed: () => "De database is al gesloten.",
  accountsInDatabase: (path: string) =>
    `De accounts van het dashboard kunnen niet in de onderzoeksdatabase ${path} zelf: kies met --accounts-db of ZAZ_ACCOUNTS_DB een ander bestand.`,
  storedInstrumentInvalid: (key: number) =>
    `Het instrument dat met de gegevens is opgeslagen (nummer ${key}) voldoet niet meer aan het schema van deze versie van Zij aan Zij. Werk Zij aan Zij bij, of lees de gegevens opnieuw in.`,
  compactionFailed: (path: string, detail: string) =>
    `De gegevens zijn verwijderd, maar het bestand ${path} kon niet worden herschreven (${detail}); bij de volgende keer openen wordt dat opnieuw geprobeerd.`,
  registryIdTaken: (kind: string, id: string) => `Er is al een ${kind} met id "${id}" geregistreerd.`,
  registryUnknownBestuur: (school: string, bestuur: string) =>
    `School "${school}" hoort bij bestuur "${bestuur}", maar dat bestuur is niet geregistreerd.`,
};

/** An error meant to be shown to the user as it is (its message is Dutch). */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
