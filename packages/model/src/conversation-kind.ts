/**
 * The five kinds of parent conversation (gesprekssoort) that the observation forms of seed 003
 * §3.3–3.7 are made for: "een vijftal typen oudergesprekken die op elke basisschool regelmatig
 * worden gevoerd".
 */
export const ConversationKind = {
  kennismaking: "kennismaking",
  voortgang: "voortgang",
  probleemoplossend: "probleemoplossend",
  slechtnieuws: "slechtnieuws",
  advies: "advies",
} as const;

export type ConversationKind = (typeof ConversationKind)[keyof typeof ConversationKind];

export const conversationKindIds: readonly ConversationKind[] = Object.values(ConversationKind);

export function isConversationKind(value: unknown): value is ConversationKind {
  return typeof value === "string" && (conversationKindIds as readonly string[]).includes(value);
}

export interface ConversationKindInfo {
  id: ConversationKind;
  name: string;
  /** the paragraph of seed 003 with its observation form */
  section: "3.3" | "3.4" | "3.5" | "3.6" | "3.7";
  /** the form's title in the seed */
  formTitle: string;
  /** how the seed introduces it in its list of the five kinds */
  description: string;
  /** the groepen the conversation is for, where the seed restricts it */
  groepen?: readonly number[];
}

export const conversationKinds: readonly ConversationKindInfo[] = [
  {
    id: "kennismaking",
    name: "Kennismakingsgesprek",
    section: "3.3",
    formTitle: "Kennismakingsgesprek",
    description: "Het kennismakingsgesprek.",
  },
  {
    id: "voortgang",
    name: "Voortgangsgesprek",
    section: "3.4",
    formTitle: "Voortgangsgesprek (= gesprek over de (school)ontwikkeling van het kind)",
    description: "Het voortgangsgesprek (bijv. naar aanleiding van het rapport).",
  },
  {
    id: "probleemoplossend",
    name: "Probleemoplossend gesprek",
    section: "3.5",
    formTitle: "Probleemoplossend gesprek",
    description: "Het probleemoplossend gesprek.",
  },
  {
    id: "slechtnieuws",
    name: "Slechtnieuwsgesprek",
    section: "3.6",
    formTitle: "Slechtnieuwsgesprek",
    description: "Het slechtnieuwsgesprek.",
  },
  {
    id: "advies",
    name: "Adviesgesprek",
    section: "3.7",
    formTitle: "Adviesgesprek (groep 7 en 8)",
    description: "Het adviesgesprek (bijv. met het oog op de schoolkeuze voortgezet onderwijs).",
    groepen: [7, 8],
  },
];
