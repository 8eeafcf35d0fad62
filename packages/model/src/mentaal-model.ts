/**
 * The "Mentaal model oudergesprekken" (seed 003 §3.1): the basis for preparing every parent
 * conversation, in four parts: voorbereiding, ontvangst, the structure of the conversation
 * (inleiding, kern, slot) and what follows it. It is guidance, not an observation form: nothing is
 * scored, so it is data for printing and preparation rather than an instrument.
 */
export const MentaalModelPart = {
  inleiding: "inleiding",
  kern: "kern",
  slot: "slot",
} as const;

export type MentaalModelPart = (typeof MentaalModelPart)[keyof typeof MentaalModelPart];

export function isMentaalModelPart(value: unknown): value is MentaalModelPart {
  return typeof value === "string" && (Object.values(MentaalModelPart) as string[]).includes(value);
}

export interface MentaalModelStep {
  /** the element in the "Structuur gesprek" column */
  element: string;
  /** the "Methodiek" column: the element formulated as a question, where the seed gives one */
  question?: string;
}

export interface MentaalModelStructurePart {
  part: MentaalModelPart;
  title: string;
  steps: readonly MentaalModelStep[];
  /** the "Motivatie voor het gesprek — Waarom doe je wat je doet?" column for this part */
  motivatie: readonly string[];
}

export interface MentaalModel {
  title: string;
  voorbereiding: { title: string; questions: readonly string[] };
  ontvangst: { title: string; tips: readonly string[] };
  /** the table's column headings, as the seed gives them */
  columns: { structuur: string; methodiek: string; motivatie: string };
  structuur: readonly MentaalModelStructurePart[];
  naHetGesprek: { title: string; tips: readonly string[] };
}

/**
 * The extraction flattens the seed's three-column table. Elements are placed in the columns by
 * their form: a question ("Hoe lang duurt dit gesprek?") belongs to "Methodiek: formuleren in een
 * vraag"; a purpose ("Duidelijkheid scheppen over …") to "Motivatie".
 */
export const mentaalModel: MentaalModel = {
  title: "Mentaal model oudergesprekken",
  voorbereiding: {
    title: "Voorbereiding van het gesprek",
    questions: [
      "Wat voor gesprek ga ik voeren en met wie?",
      "Wat is het doel van het gesprek en hoe ga ik het aanpakken?",
      "Welke informatie ga ik geven/welke informatie wil ik krijgen?",
      "Welke gegevens/ materialen pak ik erbij?",
      "Welke sterke punten van het kind benoem ik aan het begin van het gesprek? Wat kan het kind goed?",
      "Hoe gaan we zitten? (gespreksopstelling nader onderzoeken in de theorie).",
      "Hoe ontvang ik de ouder?",
      "Op welke wijze hebben de ouders zich voor kunnen bereiden op het gesprek?",
    ],
  },
  ontvangst: {
    title: "Ontvangst van de ouders (en leerling)",
    tips: [
      "Hoe kunnen de ouders (en leerling) wachten voor het gesprek?",
      "Hebben ze iets te lezen/in te zien/te doen?",
      "Haal de ouders (en leerling) zelf op en stel ze op hun gemak.",
      "Wijs hen waar ze kunnen zitten.",
    ],
  },
  columns: {
    structuur: "Structuur gesprek",
    methodiek: "Methodiek: formuleren in een vraag",
    motivatie: "Motivatie voor het gesprek: waarom doe je wat je doet?",
  },
  structuur: [
    {
      part: "inleiding",
      title: "Inleiding",
      steps: [
        { element: "Doel(en)" },
        { element: "Duur", question: "Hoe lang duurt dit gesprek?" },
        { element: "Werkwijze", question: "Hoe gaan we het gesprek voeren?" },
        { element: "Afstemming met ouders (samen agenda bepalen)" },
      ],
      motivatie: [
        "Duidelijkheid scheppen over het gesprek",
        "Inventariseren wat ouders willen bespreken in dit gesprek",
      ],
    },
    {
      part: "kern",
      title: "Kern",
      steps: [
        {
          element:
            "Beginnen met iets positiefs (bij probleem-oplossend gesprek ook: fijn dat we hier zijn om in gesprek te gaan).",
        },
        {
          element:
            "Volgens de agenda: Onderwerp 1: perspectief leerkracht, perspectief ouders, vaststellen hoe om te gaan met de gegeven situatie en aansturen op samenwerking",
        },
        { element: "Onderwerp 2: idem" },
        { element: "Onderwerp 3: idem" },
        { element: "Onderwerp X: idem" },
        { element: "Afstemmen met de ouders" },
      ],
      motivatie: [],
    },
    {
      part: "slot",
      title: "Slot",
      steps: [
        { element: "Samenvatten" },
        { element: "Afspraken (herhalen) vastleggen" },
        { element: "Evaluatie" },
        { element: "Vervolgafspraak/afspraken" },
      ],
      motivatie: ["Duidelijkheid scheppen over de afspraken."],
    },
  ],
  naHetGesprek: {
    title: "Na het gesprek",
    tips: ["Afspraken vastleggen en terugkoppelen naar ouders."],
  },
};
