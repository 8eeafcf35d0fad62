/** The survey tools whose CSV exports are recognised from their header rows. */
export const ExportProfile = {
  googleForms: "googleForms",
  microsoftForms: "microsoftForms",
  limeSurvey: "limeSurvey",
  qualtrics: "qualtrics",
  surveyMonkey: "surveyMonkey",
  generic: "generic",
} as const;

export type ExportProfile = (typeof ExportProfile)[keyof typeof ExportProfile];

export const exportProfiles: readonly ExportProfile[] = Object.values(ExportProfile);

export function isExportProfile(value: unknown): value is ExportProfile {
  return typeof value === "string" && (exportProfiles as readonly string[]).includes(value);
}
