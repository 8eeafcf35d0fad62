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
  internal: "Er ging iets mis op de server. Probeer het later opnieuw.",
} as const;

export const loginMessages = {
  failed: "Gebruikersnaam of wachtwoord klopt niet.",
  accountThrottled: "Te veel mislukte pogingen voor dit account. Probeer het over een uur opnieuw.",
  ipThrottled: "Te veel inlogpogingen vanaf dit adres. Probeer het later opnieuw.",
  idle: "U bent na 30 minuten zonder activiteit uitgelogd. Log opnieuw in.",
  loggedOut: "U bent uitgelogd.",
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
