/** Dutch messages about accounts: passwords, roles and scopes. */
export const passwordMessages = {
  tooShort: (length: number, min: number): string =>
    `Het wachtwoord is te kort: ${length} ${length === 1 ? "teken" : "tekens"}, minstens ${min} nodig.`,
  expectedLength: (min: number): string => `minstens ${min} tekens`,
  passphraseHint: "Gebruik een zin van een paar woorden; die is lang en toch te onthouden.",
  tooLong: (max: number): string => `Het wachtwoord is te lang: hoogstens ${max} tekens.`,
  isUsername: "Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam.",
  oneCharacter: "Het wachtwoord bestaat uit één en hetzelfde teken; kies iets dat niet te raden is.",
  common:
    "Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden die aanvallers als eerste proberen. Kies een ander.",
} as const;

export const scopeMessages = {
  unknownRole: (role: string): string =>
    `Onbekende rol '${role}'. Kies directeur, leerteam, docent of beheerder.`,
  invalidId: (id: string): string =>
    `'${id}' is geen geldige code: gebruik letters, cijfers, punt, streepje of liggend streepje (hoogstens 64).`,
  directeurNeedsSchool: "Een directeur hoort bij minstens één school (--school).",
  leerteamNeedsBestuur: "Een leerteam hoort bij een bestuur (--bestuur).",
  docentNeedsOpleiding: "Een docent hoort bij een opleiding (--opleiding).",
} as const;
