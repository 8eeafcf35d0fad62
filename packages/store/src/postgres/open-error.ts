import { StoreError, storeMessages } from "../messages.js";
import { displayUrl } from "./migrations.js";

/** what went wrong, in Dutch, for the errors of reaching a server that a user can fix */
const reasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: "de server weigert de verbinding",
  ENOTFOUND: "de server is niet gevonden",
  ETIMEDOUT: "de server antwoordt niet",
  EHOSTUNREACH: "de server is niet bereikbaar",
  "28P01": "gebruikersnaam of wachtwoord klopt niet",
  "28000": "de server staat deze gebruiker niet toe",
  "3D000": "die database bestaat niet",
  "42501": "de gebruiker mag hier geen tabellen maken of lezen",
};

/**
 * Opening failed: a server that cannot be reached, a wrong password or database name becomes a
 * StoreError the CLI and the dashboard show as it is (without the password); anything else stays.
 */
export function openError(url: string, error: unknown): unknown {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  const reason = reasons[code];
  if (reason === undefined) return error;
  return new StoreError(storeMessages.postgresUnreachable(displayUrl(url), reason), { cause: error });
}
