/**
 * The four forms of effective and efficient parent involvement of De Vries (2019, seed 002,
 * "Ouderbetrokkenheid is vooral:"). The seed sets them against counting attendance at meetings as
 * the measure of involvement; they are about how the school organises its contact with parents.
 */
export const InvolvementForm = {
  startgesprek: "startgesprek",
  contactafspraken: "contactafspraken",
  vierenPresenteren: "vieren_presenteren",
  flexibelInformeren: "flexibel_informeren",
} as const;

export type InvolvementForm = (typeof InvolvementForm)[keyof typeof InvolvementForm];

export function isInvolvementForm(value: unknown): value is InvolvementForm {
  return typeof value === "string" && (Object.values(InvolvementForm) as string[]).includes(value);
}

export interface InvolvementFormInfo {
  id: InvolvementForm;
  number: 1 | 2 | 3 | 4;
  name: string;
  /** the seed's summary line */
  summary: string;
  /** the key sentence of the seed's longer explanation */
  description: string;
}

export const involvementForms: readonly InvolvementFormInfo[] = [
  {
    id: "startgesprek",
    number: 1,
    name: "Individueel startgesprek",
    summary: "een individueel startgesprek",
    description:
      "Focus je allereerst op een goed individueel contact met elke ouder door het startgesprek met elke ouder én zijn kind aan het begin van het jaar.",
  },
  {
    id: "contactafspraken",
    number: 2,
    name: "Contactafspraken op maat",
    summary: "contactafspraken op maat",
    description:
      "Maak individuele afspraken met ouders in plaats van door de school vastgestelde contactmomenten zoals tienminutengesprekken en laat je daarbij samen met ouders leiden door wat het kind nodig heeft.",
  },
  {
    id: "vieren_presenteren",
    number: 3,
    name: "Vieren en presenteren",
    summary: "vieren met en presenteren door kinderen in aanwezigheid van hun ouders",
    description:
      "Nodig ouders collectief uit voor vooral vieringen met en het presenteren door hun kinderen, en ga respectvol om met de agenda van de ouders (op tijd aankondigen, logische momenten).",
  },
  {
    id: "flexibel_informeren",
    number: 4,
    name: "Flexibel informeren",
    summary: "informeer ouders op flexibele en passende manieren",
    description: "Zie informatie als een soort ‘service’ die de school biedt.",
  },
];
