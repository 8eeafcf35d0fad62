/**
 * Forms of cooperation between parents and school (Oostdam & De Vries 2014; seed 003 §1.1–1.2, Figuur 1).
 * Educatief partnerschap has two sub-forms, pedagogisch and didactisch.
 */
export const PartnershipForm = {
  educatief: "educatief",
  pedagogisch: "pedagogisch",
  didactisch: "didactisch",
  formeel: "formeel",
  maatschappelijk: "maatschappelijk",
} as const;

export type PartnershipForm = (typeof PartnershipForm)[keyof typeof PartnershipForm];

export function isPartnershipForm(value: unknown): value is PartnershipForm {
  return typeof value === "string" && (Object.values(PartnershipForm) as string[]).includes(value);
}

export interface PartnershipFormInfo {
  id: PartnershipForm;
  name: string;
  /** the sub-form's parent, for pedagogisch and didactisch */
  parent?: PartnershipForm;
  /** the seed's description, in its own words */
  description: string;
  /** the label in Figuur 1 */
  figureLabel: string;
  examples: readonly string[];
}

export const partnershipForms: readonly PartnershipFormInfo[] = [
  {
    id: "educatief",
    name: "Educatief partnerschap",
    description:
      "Het gezamenlijk optrekken van school en ouders ten aanzien van pedagogische en didactische vraagstukken.",
    figureLabel: "Educatief partnerschap",
    examples: ["pedagogisch partnerschap", "didactisch partnerschap"],
  },
  {
    id: "pedagogisch",
    name: "Pedagogisch partnerschap",
    parent: "educatief",
    description:
      "Samenwerking tussen ouders en school om te voorkomen dat school en thuis twee verschillende werelden worden waardoor kinderen zich minder thuis voelen op school.",
    figureLabel: "Pedagogisch",
    examples: [
      "inspelen op ervaringen en vaardigheden die kinderen meebrengen van buiten de school",
      "samen informatie bijeenbrengen over de sterke en zwakke punten van het kind",
      "op tijd doorverwijzen naar ouder- en kindadviseurs of een ouder-kindteam (OKT)",
    ],
  },
  {
    id: "didactisch",
    name: "Didactisch partnerschap",
    parent: "educatief",
    description:
      "Gericht op het beter functioneren van het onderwijs door ouders goed te informeren over en in te schakelen bij het leerproces van hun kind.",
    figureLabel: "Didactisch",
    examples: [
      "leesouders die onderwijsondersteunende activiteiten vervullen",
      "thuis gerichte ondersteuning bij het verwerven van 'schoolse' vaardigheden",
    ],
  },
  {
    id: "formeel",
    name: "Formeel partnerschap",
    description:
      "De inzet van ouders bij allerhande activiteiten binnen de school die zonder de hulp van ouders niet of onvoldoende gerealiseerd kunnen worden.",
    figureLabel: "Vrijwilligerswerk/Ouderraad/Bestuur/MR",
    examples: [
      "meewerken aan excursies",
      "begeleiden van creatieve en culturele activiteiten",
      "organiseren van overblijfmogelijkheden",
      "ouderraad",
      "medezeggenschapsraad",
    ],
  },
  {
    id: "maatschappelijk",
    name: "Maatschappelijk partnerschap",
    description:
      "Een samenwerking tussen ouders en school voor wat betreft allerhande buitenschoolse activiteiten in de buurt.",
    figureLabel: "Samen in de wijk",
    examples: [
      "cursussen met een sport- of muziekschool",
      "samenwerking met de gemeente, de bibliotheek en culturele instellingen",
      "buitenschoolse opvang",
    ],
  },
];
