/**
 * The phases of the Pabo programme in which the leerlijn builds up (seed 003 §2.2 and §2.5):
 * propedeuse (year 1), hoofdfase (years 2 and 3), afstudeerfase with the LIO-stage (year 4).
 */
export const StudyPhase = {
  propedeuse: "propedeuse",
  hoofdfase: "hoofdfase",
  afstudeerfase: "afstudeerfase",
} as const;

export type StudyPhase = (typeof StudyPhase)[keyof typeof StudyPhase];

export const studyPhaseIds: readonly StudyPhase[] = Object.values(StudyPhase);

export function isStudyPhase(value: unknown): value is StudyPhase {
  return typeof value === "string" && (studyPhaseIds as readonly string[]).includes(value);
}

export interface StudyPhaseInfo {
  id: StudyPhase;
  name: string;
  /** the study years of the phase */
  years: readonly number[];
  /** what the seed says the year(s) are about (§2.2) */
  description: string;
}

export const studyPhases: readonly StudyPhaseInfo[] = [
  {
    id: "propedeuse",
    name: "Propedeuse",
    years: [1],
    description:
      "In het eerste jaar van de opleiding maakt de student kennis met ontmoetingsmomenten met ouders zoals de stageschool deze organiseert en zoals deze spontaan voorkomen.",
  },
  {
    id: "hoofdfase",
    name: "Hoofdfase",
    years: [2, 3],
    description:
      "In jaar twee en drie ligt de nadruk op het verwerven van kennis rond de rol van ouders in onderwijs en opvoeding en de focus op praktische oefening, zowel op de opleiding als op de stageschool.",
  },
  {
    id: "afstudeerfase",
    name: "Afstudeerfase (LIO)",
    years: [4],
    description:
      "In jaar vier wordt tijdens de LIO-fase de student geacht in de rol van aankomend leerkracht op een professionele manier met ouders om te kunnen gaan onder begeleiding van de mentor.",
  },
];
