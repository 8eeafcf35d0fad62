/** The ten aandachtspunten of handelingsgericht werken (HGW) with parents (seed 000, "10 aandachtspunten"). */
export const HgwAandachtspunt = {
  gemeenschappelijkBelang: "gemeenschappelijk_belang",
  eigenRol: "eigen_rol",
  duidelijkeDoelen: "duidelijke_doelen",
  positiefEnZorgen: "positief_en_zorgen",
  gedragVerschilt: "gedrag_verschilt",
  analyseDoelen: "analyse_doelen",
  behoeften: "behoeften",
  kinderenBetrokken: "kinderen_betrokken",
  route: "route",
  afspraken: "afspraken",
} as const;

export type HgwAandachtspunt = (typeof HgwAandachtspunt)[keyof typeof HgwAandachtspunt];

export function isHgwAandachtspunt(value: unknown): value is HgwAandachtspunt {
  return typeof value === "string" && (Object.values(HgwAandachtspunt) as string[]).includes(value);
}

export interface HgwAandachtspuntInfo {
  id: HgwAandachtspunt;
  number: number;
  /** the seed's wording, line-break hyphenation removed */
  text: string;
}

export const hgwAandachtspunten: readonly HgwAandachtspuntInfo[] = [
  {
    id: "gemeenschappelijk_belang",
    number: 1,
    text: "Leerkrachten en ouders hebben een gemeenschappelijk belang.",
  },
  { id: "eigen_rol", number: 2, text: "Een ieder heeft een eigen rol en verantwoordelijkheid." },
  { id: "duidelijke_doelen", number: 3, text: "Elk gesprek heeft duidelijke doelen." },
  { id: "positief_en_zorgen", number: 4, text: "Positieve ontwikkelingen en zorgen komen aan bod." },
  { id: "gedrag_verschilt", number: 5, text: "Gedrag van een kind kan op school anders zijn dan thuis." },
  { id: "analyse_doelen", number: 6, text: "Vanuit een analyse formuleren we doelen." },
  {
    id: "behoeften",
    number: 7,
    text: "Onderwijs/opvoedbehoeften van kind en ondersteuningsbehoeften van leerkracht en ouders zijn onderwerp van gesprek.",
  },
  {
    id: "kinderen_betrokken",
    number: 8,
    text: "Kinderen zijn betrokken bij de samenwerking school – ouders.",
  },
  { id: "route", number: 9, text: "De onderwijs- en ondersteuningsroute van school biedt houvast." },
  { id: "afspraken", number: 10, text: "Leerkrachten en ouders maken afspraken, noteren en evalueren deze." },
];
