import type { StudyPhase } from "./study-phase.js";

/**
 * Leerdoelen per phase of the leerlijn (seed 003 §2.5): goals for the programme itself and for the
 * stagepraktijk (work placement). The afstudeerfase names one list, without a stage list apart,
 * since the whole phase is the LIO-stage.
 */
export const LeerdoelKind = {
  opleiding: "opleiding",
  stagepraktijk: "stagepraktijk",
} as const;

export type LeerdoelKind = (typeof LeerdoelKind)[keyof typeof LeerdoelKind];

export function isLeerdoelKind(value: unknown): value is LeerdoelKind {
  return typeof value === "string" && (Object.values(LeerdoelKind) as string[]).includes(value);
}

export interface Leerdoel {
  id: string;
  phase: StudyPhase;
  kind: LeerdoelKind;
  /** the seed's bullet */
  text: string;
}

/** The seed's heading of each list, e.g. "Leerdoelen stagepraktijk in de hoofdfase". */
export function leerdoelHeading(phase: StudyPhase, kind: LeerdoelKind): string {
  return kind === "opleiding" ? `Leerdoelen ${phase}` : `Leerdoelen stagepraktijk in de ${phase}`;
}

/** The seed's introduction to the afstudeerfase goals (its typo "leerkacht" corrected). */
export const afstudeerfaseIntro =
  "In de afstudeerfase ligt de nadruk op het kunnen integreren van opgedane kennis en vaardigheden in het professioneel functioneren als leerkracht.";

/**
 * In the extraction the last three hoofdfase goals stand apart, after the §2.6 heading (a column
 * break); they continue the hoofdfase list, parallel to the propedeuse goals on conversations and
 * interviews.
 */
export const leerdoelen: readonly Leerdoel[] = [
  {
    id: "prop_1",
    phase: "propedeuse",
    kind: "opleiding",
    text: "Kennismaken met de grootstedelijke omgeving van Amsterdam.",
  },
  { id: "prop_2", phase: "propedeuse", kind: "opleiding", text: "Kennismaken met gespreksvaardigheden." },
  {
    id: "prop_3",
    phase: "propedeuse",
    kind: "opleiding",
    text: "Opstellen, afnemen en analyseren van interviews met leerlingen.",
  },
  { id: "prop_4", phase: "propedeuse", kind: "opleiding", text: "Informeel contact leggen met ouders." },
  { id: "prop_5", phase: "propedeuse", kind: "opleiding", text: "Verdiepen in de schoolomgeving." },
  {
    id: "prop_stage_1",
    phase: "propedeuse",
    kind: "stagepraktijk",
    text: "Informeel contact leggen met de ouders van de kinderen in de groep.",
  },
  {
    id: "prop_stage_2",
    phase: "propedeuse",
    kind: "stagepraktijk",
    text: "De context van de school kunnen benoemen.",
  },
  {
    id: "hoofd_1",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Weten wat Urban Education is en wat lesgeven in een grootstedelijke context inhoudt en welke thema’s spelen in Amsterdam.",
  },
  {
    id: "hoofd_2",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Kennis verwerven van de begrippen educatief partnerschap, ouderbetrokkenheid en ouderparticipatie.",
  },
  {
    id: "hoofd_3",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Kunnen aangeven wat het belang is van een goede samenwerking tussen ouders en school en hoe een leerkracht kan aansturen op samenwerking en dialoog.",
  },
  {
    id: "hoofd_4",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Kennis verwerven rondom het begrip ‘(super)diversiteit’: achtergronden van leerlingen en hun ouders en concrete voorbeelden kunnen geven van afstemming op (culturele) diversiteit.",
  },
  {
    id: "hoofd_5",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Kennis verwerven van opvoedingsstijlen en opvoedingsdoelen.",
  },
  {
    id: "hoofd_6",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Kennis verwerven van een aantal communicatiestrategieën en voorbeelden kunnen geven van de wijze waarop de leerkracht deze strategieën in de praktijk kan inzetten.",
  },
  {
    id: "hoofd_7",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Kennis over en vaardigheden oefenen rondom gespreksvoering.",
  },
  {
    id: "hoofd_8",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Opstellen, afnemen en analyseren van interviews met ouders over verschillende aspecten van educatief partnerschap en deze kunnen koppelen aan theorie.",
  },
  {
    id: "hoofd_9",
    phase: "hoofdfase",
    kind: "opleiding",
    text: "Ontwikkelen van een eigen visie op de rol van de school met betrekking tot opvoeden, leren en ouderbetrokkenheid in samenhang met het type school en over deze visie kunnen communiceren met anderen.",
  },
  {
    id: "hoofd_stage_1",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Informeel en formeel contact leggen met de ouders van de kinderen in de groep.",
  },
  {
    id: "hoofd_stage_2",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Kunnen benoemen van de achtergrond(en) van de leerlingen en hun ouders.",
  },
  {
    id: "hoofd_stage_3",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Leren en inoefenen van gespreksvaardigheden.",
  },
  {
    id: "hoofd_stage_4",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Kunnen inschatten en waarderen van de rol van ouders bij het leren van hun kind.",
  },
  {
    id: "hoofd_stage_5",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Kunnen tonen van een open houding naar de rol van ouders bij kinderen met speciale behoeften.",
  },
  {
    id: "hoofd_stage_6",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Observeren van een oudergesprek aan de hand van vooraf opgestelde observatiepunten.",
  },
  {
    id: "hoofd_stage_7",
    phase: "hoofdfase",
    kind: "stagepraktijk",
    text: "Inhoudelijk en gesprekstechnisch zelf een oudergesprek (onder begeleiding van de mentor) voorbereiden en uitvoeren.",
  },
  {
    id: "afstudeer_1",
    phase: "afstudeerfase",
    kind: "opleiding",
    text: "Inhoudelijk en gesprekstechnisch zelf een oudergesprek (in afstemming met de mentor) voorbereiden en uitvoeren.",
  },
  {
    id: "afstudeer_2",
    phase: "afstudeerfase",
    kind: "opleiding",
    text: "In verschillende typen gesprekken zelfstandig met ouders open en professioneel kunnen communiceren over de ontwikkeling van hun kind.",
  },
  {
    id: "afstudeer_3",
    phase: "afstudeerfase",
    kind: "opleiding",
    text: "Gesprekstechnieken flexibel kunnen inzetten in authentieke oudergesprekken.",
  },
  {
    id: "afstudeer_4",
    phase: "afstudeerfase",
    kind: "opleiding",
    text: "Oog hebben voor de invloed van de thuissituatie en de rol van de ouders bij het leren van de kinderen.",
  },
];

/** The leerdoelen of one phase, optionally of one kind, in the seed's order. */
export function leerdoelenFor(phase: StudyPhase, kind?: LeerdoelKind): readonly Leerdoel[] {
  return leerdoelen.filter((l) => l.phase === phase && (kind === undefined || l.kind === kind));
}

/** How the leerlijn is connected to the stage and how it is tested (seed 003 §2.6). */
export interface Toetsing {
  id: string;
  /** the phases the passage speaks of; empty when it holds for the whole programme */
  phases: readonly StudyPhase[];
  /** what is tested or where it is practised, in short */
  name: string;
  /** the seed's wording */
  text: string;
}

export const toetsingen: readonly Toetsing[] = [
  {
    id: "stageopdrachten",
    phases: [],
    name: "Opdrachten tijdens de stages van jaar 1 tot en met 4",
    text: "Om theoretische kennis toe te passen en attitudes en vaardigheden te verwerven voeren de studenten tijdens de stages van jaar 1 tot en met 4 verschillende opdrachten uit rondom samenwerken met ouders.",
  },
  {
    id: "stagebeoordeling",
    phases: ["propedeuse", "hoofdfase"],
    name: "Stagebeoordeling van de praktische vaardigheden",
    text: "Tijdens de propedeuse en in de hoofdfase voert elke student een aantal stageactiviteiten uit met betrekking tot het realiseren van (in)formeel contact met ouders en het observeren, voorbereiden en uitvoeren van oudergesprekken. Deze praktische vaardigheden zijn onderdeel van de stagebeoordelingen.",
  },
  {
    id: "theorietoets",
    phases: ["hoofdfase"],
    name: "Multiple choice toets en (onderzoeksmatige) beroepsopdrachten",
    text: "De theoretische kennis wordt getoetst in de hoofdfase, enerzijds door het afnemen van een multiple choice toets en anderzijds door het uitvoeren van (onderzoeksmatige) beroepsopdrachten waarin de verbinding tussen theorie en praktijk centraal staat.",
  },
  {
    id: "bekwaamheidsgesprek",
    phases: ["afstudeerfase"],
    name: "Bekwaamheidsgesprekken rond de LIO-stage",
    text: "De (ontwikkeling van een) eigen visie op het voeren van oudergesprekken en het zich bewust zijn van de eigen houding ten aanzien van het samenwerken met ouders worden getoetst in ‘bekwaamheidsgesprekken’ voorafgaand aan en ter afsluiting van de LIO-stage aan het eind van de opleiding.",
  },
];
