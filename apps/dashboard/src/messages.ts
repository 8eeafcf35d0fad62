/** Every Dutch text the dashboard's server says to a user. */

export { passwordMessages, scopeMessages } from "@zaz/accounts";

export const userMessages = {
  exists: (username: string): string => `Er bestaat al een gebruiker '${username}'.`,
} as const;

export const httpMessages = {
  notLoggedIn: "U bent niet ingelogd, of uw sessie is verlopen. Log opnieuw in.",
  outOfScope: "U hebt geen toegang tot deze gegevens.",
  adminOnly: "Alleen een beheerder mag dit.",
  notFound: "Niet gevonden.",
  badRequest: "Het verzoek klopt niet.",
  invalidParameter: (name: string): string => `De parameter '${name}' ontbreekt of is ongeldig.`,
  csrf: "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.",
  tooManyRequests: "Te veel verzoeken. Wacht even en probeer het opnieuw.",
  unknownValue: (name: string, value: string | undefined, available: readonly string[]): string =>
    value === undefined
      ? `Er zijn geen gegevens voor deze ${name}. Kies er een uit de lijst.`
      : `Er zijn geen gegevens voor ${name} "${value.slice(0, 60)}". ${
          available.length === 0
            ? "Er zijn hier nog geen waarden."
            : `Beschikbaar: ${available.slice(0, 20).join(", ")}${available.length > 20 ? ", …" : ""}.`
        }`,
  tooManyViews:
    "U laat al een aantal overzichten tegelijk berekenen. Wacht tot die klaar zijn en probeer het dan opnieuw.",
  internal: "Er ging iets mis op de server. Probeer het later opnieuw.",
} as const;

/** "45 seconden", "1 minuut", "15 minuten": a wait, rounded up, as a person says it. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? "1 seconde" : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minuut" : `${minutes} minuten`;
}

export const loginMessages = {
  failed: "Gebruikersnaam of wachtwoord klopt niet.",
  throttled: (waitMs: number): string =>
    `Te veel mislukte inlogpogingen vanaf dit adres. Wacht ${waitText(waitMs)} en probeer het dan opnieuw.`,
  ipThrottled: "Te veel inlogpogingen vanaf dit adres. Probeer het later opnieuw.",
  idle: (minutes: number): string =>
    `U bent na ${minutes} ${minutes === 1 ? "minuut" : "minuten"} zonder activiteit uitgelogd. Log opnieuw in.`,
  expired: (hours: number): string => `U was ${hours} uur ingelogd; dat is het maximum. Log opnieuw in.`,
  passwordChanged: "Het wachtwoord van dit account is gewijzigd. Log in met het nieuwe wachtwoord.",
  loggedOut: "U bent uitgelogd.",
} as const;

export const passwordChangeMessages = {
  currentWrong: "Het huidige wachtwoord klopt niet.",
  repeatDiffers: "De twee nieuwe wachtwoorden zijn niet gelijk.",
  sameAsCurrent: "Het nieuwe wachtwoord is gelijk aan het huidige. Kies een ander.",
  changed: "Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.",
  throttled: (waitMs: number): string =>
    `Te veel verkeerde wachtwoorden. Wacht ${waitText(waitMs)} en probeer het dan opnieuw.`,
} as const;

/** Why the dashboard cannot start; the store's own messages (a locked database) are used as they are. */
export const startMessages = {
  readOnly: (path: string): string =>
    `De database ${path} kan niet worden geschreven (alleen-lezen bestand of map, of geen schrijfrechten). Het dashboard moet erin kunnen schrijven: geef schrijfrechten of kies met ZAZ_DB een ander bestand.`,
  missing: (path: string): string =>
    `De database ${path} bestaat niet, of de map waarin hij hoort bestaat niet. Lees eerst gegevens in met 'zaz ingest' of 'zaz voorbeeld', of kies met ZAZ_DB een bestaand bestand.`,
  cannotOpen: (path: string, detail: string): string =>
    `De database ${path} kan niet worden geopend: ${detail}`,
} as const;

export const configMessages = {
  invalid: (key: string, detail: string): string => `Instelling ${key} is ongeldig: ${detail}`,
  secretTooShort: "ZAZ_SESSION_SECRET moet minstens 32 tekens lang zijn (een lange willekeurige tekenreeks).",
  secretHint: "Maak er een met: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"",
  insecureNeedsLoopback: (host: string): string =>
    `ZAZ_INSECURE_COOKIES=1 mag alleen als de server op 127.0.0.1 of ::1 luistert, niet op '${host}'.`,
  insecureHint:
    "Zonder HTTPS gaat het sessiecookie onversleuteld over het netwerk. Zet een HTTPS-proxy voor de server en laat ZAZ_INSECURE_COOKIES weg.",
} as const;
