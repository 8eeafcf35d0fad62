/**
 * Conditions for fruitful cooperation between parents and school, from the teacher's side
 * (Bakker, Denessen, Dennissen & Oolbekkink-Marchand 2013; seed 003 §2.1), with the welcoming
 * climate and the regular positive feedback to parents that the same passage adds.
 */
export const BakkerCondition = {
  positieveHouding: "positieve_houding",
  heldereCommunicatie: "heldere_communicatie",
  gerichteVerzoeken: "gerichte_verzoeken",
  informatieFeedback: "informatie_feedback",
  uitnodigendKlimaat: "uitnodigend_klimaat",
  positieveFeedback: "positieve_feedback",
} as const;

export type BakkerCondition = (typeof BakkerCondition)[keyof typeof BakkerCondition];

const values: readonly string[] = Object.values(BakkerCondition);

export function isBakkerCondition(value: unknown): value is BakkerCondition {
  return typeof value === "string" && values.includes(value);
}

export interface BakkerConditionInfo {
  id: BakkerCondition;
  /** 1–4 for the four conditions of the review; absent for the two the passage adds */
  number?: 1 | 2 | 3 | 4;
  name: string;
  /** the seed's wording */
  description: string;
}

export const bakkerConditions: readonly BakkerConditionInfo[] = [
  {
    id: "positieve_houding",
    number: 1,
    name: "Positieve houding tegenover alle ouders",
    description:
      "Er is sprake van een positieve instelling en houding tegenover de betrokkenheid van alle ouders (ook als deze een heel andere culturele achtergrond hebben).",
  },
  {
    id: "heldere_communicatie",
    number: 2,
    name: "Heldere communicatie over verwachtingen",
    description: "Er wordt goed en helder gecommuniceerd over de inzet die van ouders verwacht wordt.",
  },
  {
    id: "gerichte_verzoeken",
    number: 3,
    name: "Gerichte verzoeken met praktische tips",
    description:
      "Ouders krijgen gerichte verzoeken om hun kind te ondersteunen en worden vervolgens voorzien van concrete en praktische tips.",
  },
  {
    id: "informatie_feedback",
    number: 4,
    name: "Informatie en feedback over onderwijs en ontwikkeling",
    description:
      "Ouders krijgen veel informatie en feedback over het onderwijs, de ondersteuning en de voortgang of ontwikkeling van hun kind.",
  },
  {
    id: "uitnodigend_klimaat",
    name: "Uitnodigend klimaat",
    description:
      "Op school is een uitnodigend klimaat gecreëerd voor alle ouders ('ouders zijn welkom') met voldoende mogelijkheden voor informele contacten en communicatie.",
  },
  {
    id: "positieve_feedback",
    name: "Positieve feedback aan ouders",
    description:
      "Vanuit school wordt regelmatig positieve feedback gegeven op de inzet en het handelen van ouders.",
  },
];
