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
  pdfBusy: "Er worden nu te veel PDF's gemaakt. Probeer het over een minuut opnieuw.",
  pdfUnavailable:
    "PDF's maken kan op deze server niet: Chromium ontbreekt. Vraag de beheerder het te installeren.",
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
  blocked: "Dit account is geblokkeerd. Vraag je beheerder om het weer open te zetten.",
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
  exampleDataFailed: (path: string): string =>
    `De voorbeeldgegevens konden niet in ${path} worden ingelezen (zie de melding hierboven); het dashboard is niet gestart.`,
} as const;

/** What the server entry (bin.ts) prints when it listens. */
export const runMessages = {
  listening: (url: string, database: string): string =>
    `Zij aan Zij-dashboard luistert op ${url} (database: ${database}); stoppen met SIGTERM of Ctrl+C.`,
} as const;

export const configMessages = {
  invalid: (key: string, detail: string): string => `Instelling ${key} is ongeldig: ${detail}`,
  sharedSecretMissing:
    "ZAZ_SESSION_SECRET ontbreekt. Met een PostgreSQL-database (ZAZ_DB=postgres://…) kunnen meer dashboardprocessen naast elkaar draaien, en die moeten dezelfde sessies en CSRF-tokens herkennen: geef elk proces hetzelfde geheim van minstens 32 tekens in ZAZ_SESSION_SECRET.",
  secretTooShort: "ZAZ_SESSION_SECRET moet minstens 32 tekens lang zijn (een lange willekeurige tekenreeks).",
  secretHint: "Maak er een met: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"",
  insecureNeedsLoopback: (host: string): string =>
    `ZAZ_INSECURE_COOKIES=1 mag alleen als de server op 127.0.0.1 of ::1 luistert, niet op '${host}'.`,
  insecureHint:
    "Zonder HTTPS gaat het sessiecookie onversleuteld over het netwerk. Zet een HTTPS-proxy voor de server en laat ZAZ_INSECURE_COOKIES weg.",
} as const;

/** The single sign-on settings (ZAZ_OIDC_*, ZAZ_SSO_MAPPING) and the mapping file. */
export const ssoConfigMessages = {
  invalid: (key: string, detail: string): string => `Instelling ${key} is ongeldig: ${detail}`,
  unsafeUrl: "Verwacht een https-adres (http alleen op 127.0.0.1 of localhost, om te testen).",
  invalidId:
    "Een provider-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 32), bijvoorbeeld entree.",
  invalidClientAuth: "Kies client_secret_basic of client_secret_post.",
  notJson: "Dit is geen geldige JSON.",
  notList: "Verwacht een JSON-lijst van providers: [ { … }, { … } ].",
  providersHint:
    'Per provider: { "id": "entree", "label": "Entree Federatie", "issuer": "https://…", "clientId": "…", "clientSecret": "…" }. Zie README, "Inloggen met je schoolaccount".',
  duplicateId: (id: string): string => `De provider-id '${id}' komt twee keer voor.`,
  redirectMissing: (id: string): string =>
    `Geen terugkeeradres voor provider '${id}': zet ZAZ_PUBLIC_URL (het adres van het dashboard) of redirectUri.`,
  redirectPath: (id: string, path: string): string =>
    `Het terugkeeradres van provider '${id}' moet eindigen op ${path}.`,
  publicUrlHint: "Bijvoorbeeld ZAZ_PUBLIC_URL=https://zijaanzij.bestuur.nl",
  mappingMissing: "Geef met ZAZ_SSO_MAPPING het bestand dat claims aan rollen en scholen koppelt.",
  mappingUnreadable: (file: string, detail: string): string =>
    `Het koppelbestand ${file} kan niet worden gelezen: ${detail}`,
  mappingNotJson: (file: string): string => `Het koppelbestand ${file} is geen geldige JSON.`,
  mappingKept: (file: string): string =>
    `Het gewijzigde koppelbestand ${file} klopt niet; de vorige versie blijft gelden.`,
} as const;

/** What a user sees of single sign-on: the login button and the pages after the provider. */
export const ssoMessages = {
  heading: "Inloggen met je schoolaccount",
  /** the one provider's button; with several, each button names its provider */
  button: (label: string | undefined): string =>
    label === undefined ? "Inloggen met je schoolaccount" : label,
  orLocal: "Of log in met een gebruikersnaam en wachtwoord van Zij aan Zij:",
  noAccessTitle: "Nog geen toegang",
  noAccess:
    "Je account heeft nog geen toegang tot Zij aan Zij; vraag je beheerder om je school of bestuur te koppelen.",
  noAccessDetail: (provider: string): string =>
    `Je bent wel bekend bij ${provider}, maar je gegevens daar (school, rol of groep) horen nog bij geen enkele school, bestuur of opleiding in Zij aan Zij.`,
  blockedTitle: "Account geblokkeerd",
  blocked: "Je account is geblokkeerd. Vraag je beheerder om het weer open te zetten.",
  failedTitle: "Inloggen mislukt",
  failed:
    "Het inloggen via je schoolaccount is mislukt. Probeer het opnieuw; lukt het weer niet, vraag dan je beheerder.",
  expired:
    "Het inloggen via je schoolaccount is verlopen of al gebruikt. Begin opnieuw vanaf de inlogpagina.",
  cancelled: "Het inloggen is afgebroken bij je schoolaccount. Je kunt het opnieuw proberen.",
  conflict:
    "Bij dit schoolaccount hoort al een ander Zij aan Zij-account. Vraag je beheerder om dat op te lossen.",
  unknownProvider: "Deze manier van inloggen bestaat hier niet.",
  tryAgain: "Terug naar inloggen",
  loggedOutTitle: "Je bent uitgelogd",
  loggedOutHere:
    "Je bent uitgelogd bij Zij aan Zij. Je gaat nu naar je schoolaccount om ook daar uit te loggen.",
  logoutAtProvider: "Ook uitloggen bij je schoolaccount",
  continueTitle: "Je bent ingelogd",
  continue: "Verder naar Zij aan Zij",
  noPassword: (provider: string): string =>
    `Je logt in met je schoolaccount (${provider}); een wachtwoord van Zij aan Zij heb je niet. Je wachtwoord wijzig je bij je school.`,
} as const;

/** Dutch answers of the action-point routes. */
export const actionPointHttpMessages = {
  noSuchAction: (id: number): string => `Er is geen actiepunt ${id} bij deze school.`,
  unavailable: "Actiepunten worden op deze server niet bijgehouden.",
};

export const uploadMessages = {
  unavailable: "Inlezen kan op deze server niet: het dashboard draait zonder database.",
  uploadTooLarge: (mb: number): string =>
    `Het bestand is te groot: hooguit ${mb} MB. Splits de export, of vraag de beheerder de grens te verhogen.`,
  uploadEmpty: "Het bestand is leeg. Kies de export opnieuw.",
  uploadBroken: "Het bestand kwam niet helemaal aan. Probeer het opnieuw.",
  oneAtATime: "U leest al een bestand in of controleert er een. Wacht tot dat klaar is.",
  serverBusy: "Er worden nu te veel bestanden tegelijk ingelezen. Probeer het over een minuut opnieuw.",
  unknownSchool: "Deze school is niet geregistreerd. Kies een school uit de lijst.",
  unknownImport: "Deze import bestaat niet (meer) voor deze school.",
  mappingName: "koppeling",
  responsesChangedHint: (file: string): string =>
    `is ${file} de juiste versie, vraag dan de beheerder om de eerdere import te verwijderen of in te lezen met 'zaz ingest … --vervang'`,
} as const;

/** The upload page's server-rendered texts (the client's own are in static/js/upload.js). */
export const uploadPageTexts = {
  title: "Gegevens inlezen",
  intro:
    "Kies de export van de vragenlijst (CSV, zoals Excel, Google Forms, Microsoft Forms, LimeSurvey of Qualtrics die maken). U ziet eerst hoe het bestand gelezen wordt en welke kolom bij welke vraag hoort; pas dat zo nodig aan, controleer, en importeer. Het bestand wordt niet bewaard.",
  file: "Exportbestand (CSV)",
  maxSize: (mb: number): string => `Hooguit ${mb} MB.`,
  instrument: "Vragenlijst",
  school: "School",
  wave: "Meting",
  waveHint: "Bijvoorbeeld 2025-voorjaar. Leeg laten als het bestand een kolom met de meting heeft.",
  show: "Bestand bekijken",
  noSchools:
    "Er zijn geen geregistreerde scholen binnen uw bereik; vraag de beheerder een school te registreren.",
  importsTitle: "Ingelezen bestanden",
} as const;
