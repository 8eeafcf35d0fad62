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

/** Dutch messages about the single sign-on mapping file. */
export const ssoMessages = {
  invalidField: (file: string, path: string, detail: string): string =>
    `${file}: ${path === "" ? "het bestand" : `veld '${path}'`} klopt niet: ${detail}`,
  mappingHint:
    'Zie README, "Inloggen met je schoolaccount": een bestand { "rules": [ { "match": {…}, "role": …, … } ] }.',
  invalidId: (id: string): string =>
    `'${id}' is geen geldige code: gebruik letters, cijfers, punt, streepje of liggend streepje (hoogstens 64).`,
  invalidProvider: "Een provider-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 32).",
  emptyMatch:
    "Een regel moet minstens één claim noemen (bijvoorbeeld eduPersonAffiliation of groups), anders geldt hij voor iedereen.",
  roleNotAllowed: (role: string): string =>
    role === "beheerder"
      ? "Een beheerder logt in met een lokaal account, niet via het schoolaccount."
      : `Onbekende rol '${role}'. Kies directeur, leerteam of docent.`,
  ruleWithoutScope: (role: string): string =>
    role === "directeur"
      ? "Een regel voor een directeur noemt scholen (schools) of een claim met BRIN-codes (schoolsFromClaim)."
      : role === "leerteam"
        ? "Een regel voor een leerteam noemt een bestuur (bestuur)."
        : "Een regel voor een docent noemt een opleiding (opleiding).",
  unknownSchool: (id: string): string =>
    `De school '${id}' is niet geregistreerd; deze regel geeft tot zij bestaat geen toegang tot haar.`,
  unknownBestuur: (id: string): string =>
    `Het bestuur '${id}' is niet geregistreerd; deze regel geeft tot het bestaat geen toegang.`,
  registryHint: "Zie 'zaz school list' en 'zaz bestuur list' voor de ids.",
} as const;
