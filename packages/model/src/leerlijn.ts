/**
 * The leerlijn educatief partnerschap of Pabo HvA and UPvA (seed 003 §2): its three components
 * (§2.2) and the three leerstof-onderdelen a/b/c (§2.3). Profieleisen, leerdoelen and the links to
 * the instruments live in their own files.
 */
export const LeerlijnComponent = {
  kennis: "kennis",
  training: "training",
  toepassing: "toepassing",
} as const;

export type LeerlijnComponent = (typeof LeerlijnComponent)[keyof typeof LeerlijnComponent];

export function isLeerlijnComponent(value: unknown): value is LeerlijnComponent {
  return typeof value === "string" && (Object.values(LeerlijnComponent) as string[]).includes(value);
}

export interface LeerlijnComponentInfo {
  id: LeerlijnComponent;
  number: 1 | 2 | 3;
  /** the seed's wording */
  text: string;
}

export const leerlijnComponents: readonly LeerlijnComponentInfo[] = [
  {
    id: "kennis",
    number: 1,
    text: "kennis van de rol die ouders kunnen vervullen bij het leren van hun kinderen",
  },
  {
    id: "training",
    number: 2,
    text: "training voor studenten op de opleiding in doelgerichte gespreksvoering met ouders",
  },
  {
    id: "toepassing",
    number: 3,
    text: "het toepassen van deze kennis en training tijdens een aantal contactmomenten met ouders",
  },
];

/** The three parts of the leerstof (§2.3); the profieleisen (§2.4) are grouped by the same letters. */
export const LeerstofOnderdeel = {
  a: "a",
  b: "b",
  c: "c",
} as const;

export type LeerstofOnderdeel = (typeof LeerstofOnderdeel)[keyof typeof LeerstofOnderdeel];

export function isLeerstofOnderdeel(value: unknown): value is LeerstofOnderdeel {
  return typeof value === "string" && (Object.values(LeerstofOnderdeel) as string[]).includes(value);
}

export interface LeerstofOnderdeelInfo {
  id: LeerstofOnderdeel;
  /** as the seed's enumeration names it: "a) theoretische kennis rondom samenwerken aan leren en opvoeden" */
  name: string;
  /** the heading of its paragraph ("Ad a: …") */
  heading: string;
  /** the seed's explanation of the part */
  description: string;
  /** the concepts treated, where the seed lists them (only part a has a list) */
  topics: readonly string[];
}

export const leerstofOnderdelen: readonly LeerstofOnderdeelInfo[] = [
  {
    id: "a",
    name: "theoretische kennis rondom samenwerken aan leren en opvoeden",
    heading: "Theoretische kennis",
    description:
      "Tijdens de colleges en de praktische oefening worden de volgende begrippen aan de orde gesteld en nader uitgewerkt:",
    topics: [
      "Het positief effect op leren en gedrag als ouders bij de school van hun kinderen betrokken zijn.",
      "De sleutelpositie van school en leraren in de uitwisseling van informatie tussen school en thuis.",
      "De definiëring van ouderparticipatie, ouderbetrokkenheid en educatief partnerschap.",
      "De mogelijke samenwerkingsvormen (pedagogisch en educatief) tussen school en ouders in de domeinen: school, thuis en omgeving (vgl. Epstein, 2001).",
      "Succesfactoren voor een betere educatieve samenwerking tussen school en ouders.",
      "De effecten op leraren, ouders en school bij een meer intensieve educatieve samenwerking.",
      "Negatieve effecten en andere beperkende factoren die van invloed zijn op de samenwerking tussen school en ouders.",
      "De inrichting van de school, identiteit van de school en de leraren, gehanteerde communicatievormen tussen ouders en school.",
    ],
  },
  {
    id: "b",
    name: "het toepassen van praktische kennis en gespreksvaardigheden",
    heading: "Toepassen praktische kennis en gespreksvaardigheden",
    description:
      "De gespreksvaardigheden die de Pabo- en de UPvA-studenten aangeleerd worden om samen te werken met ouders zijn gebaseerd op de basiscompetenties voor professionele communicatie (Bolks, 2011; Lang & Van der Molen, 2012). De vaardigheden die aan bod komen, vormen de basis van de gespreksvaardigheden die leerkrachten dienen te beheersen om in dialoog te gaan en samen te werken met ouders. Daarbij wordt tevens aandacht besteed aan de axioma’s van de pragmatische aspecten van de menselijke communicatie (zie Watzlawick, Beavin Bavelas & Jackson, 1967).",
    topics: [],
  },
  {
    id: "c",
    name: "reflectie op eigen handelen",
    heading: "Reflectie op eigen handelen",
    description:
      "Omdat er bij ouders en leerkrachten sprake kan zijn van verschillende perspectieven, wordt in de opleiding het driestappenmodel van Pinto (2012) als reflectiemiddel gebruikt om zodoende inzicht te krijgen in de perspectieven van ouders en school/leerkracht. De methodiek is gebaseerd op het dubbel perspectief. Dit is enerzijds het leren kijken vanuit het eigen perspectief en anderzijds vanuit het perspectief van de ander.",
    topics: [],
  },
];
