/**
 * The four aspects of parents' involvement at home, the involvement that contributes most to a
 * child's school success (Brandwijk, Van Genderen & Mijland 2015, seed 004 §1.3).
 */
export const HomeInvolvement = {
  aanmoediging: "aanmoediging",
  voorwaardenscheppend: "voorwaardenscheppend",
  ontwikkelingsondersteuning: "ontwikkelingsondersteuning",
  directeOnderwijsondersteuning: "directe_onderwijsondersteuning",
} as const;

export type HomeInvolvement = (typeof HomeInvolvement)[keyof typeof HomeInvolvement];

export function isHomeInvolvement(value: unknown): value is HomeInvolvement {
  return typeof value === "string" && (Object.values(HomeInvolvement) as string[]).includes(value);
}

export interface HomeInvolvementInfo {
  id: HomeInvolvement;
  /** the seed's heading */
  name: string;
  /** key sentences of the seed's section, line-break hyphenation removed */
  description: string;
}

export const homeInvolvementAspects: readonly HomeInvolvementInfo[] = [
  {
    id: "aanmoediging",
    name: "Aanmoediging",
    description:
      "Je helpt je kind door positieve verwachtingen te hebben en deze ook te communiceren. Daarnaast kun je je kind aanmoedigen door positief over de school van je kind te spreken.",
  },
  {
    id: "voorwaardenscheppend",
    name: "Voorwaardenscheppend",
    description:
      "Kinderen op school hebben ook basisvoorwaarden om goed te kunnen leren. Een goede studieplek, goede leermiddelen en een rustige omgeving helpen je kind echt.",
  },
  {
    id: "ontwikkelingsondersteuning",
    name: "Ontwikkelingsondersteuning",
    description:
      "Het is van belang dat je als ouder interesse toont en aandacht hebt voor wat er op school gebeurt.",
  },
  {
    id: "directe_onderwijsondersteuning",
    name: "Directe onderwijsondersteuning",
    description:
      "Je kind kan in dat proces van toenemende ‘werkdruk’ van thuis uit wel wat ondersteuning gebruiken bij zijn schoolwerk. Niet in de vorm van ‘laat mij dat werkstuk maar even maken’, wel in de vorm van ‘de geïnteresseerde coach aan de zijlijn’.",
  },
];
