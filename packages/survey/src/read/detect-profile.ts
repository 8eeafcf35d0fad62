import { combineQualtricsHeader, combineSurveyMonkeyHeader } from "./combine-header-rows.js";
import { ExportProfile } from "./export-profile.js";
import { foldMetaHeader, genericHeaders, knownHeaders } from "./known-headers.js";
import type { MetadataRole } from "./metadata-role.js";

export interface ProfileDetection {
  profile: ExportProfile;
  /** how many of the first records are header rows (1–3) */
  headerRowCount: number;
  /** one header per column, the header rows combined where the tool writes more than one */
  header: string[];
  /** per column: what the tool's own column holds, undefined for questions */
  roles: (MetadataRole | undefined)[];
}

type Records = readonly (readonly string[])[];

const qualtricsImportId = /^\{\s*"ImportId"\s*:/;
const qualtricsResponseId = /^R_[0-9A-Za-z]+$/;

/**
 * Recognises the survey tool from the first records (up to three) of an export: how many of
 * them are header rows, one header per column, and the role of each of the tool's own columns.
 * `forced` skips the recognition but still finds the header rows and roles of that tool.
 */
export function detectProfile(records: Records, forced?: ExportProfile): ProfileDetection {
  const first = records[0] ?? [];
  const folded = first.map(foldMetaHeader);
  const has = (...names: string[]) => names.some((n) => folded.includes(n));
  const profile =
    forced ??
    (isQualtrics(records, folded)
      ? ExportProfile.qualtrics
      : has("respondent id", "respondent-id") && has("collector id", "collector-id", "verzamelprogramma-id")
        ? ExportProfile.surveyMonkey
        : has("id") && has("begintijd", "start time") && has("tijd van voltooien", "completion time")
          ? ExportProfile.microsoftForms
          : isLimeSurvey(has)
            ? ExportProfile.limeSurvey
            : folded[0] === "tijdstempel" || folded[0] === "timestamp"
              ? ExportProfile.googleForms
              : ExportProfile.generic);

  const table = profile === ExportProfile.generic ? genericHeaders : knownHeaders[profile];
  const roles = folded.map((h) => table[h]);
  switch (profile) {
    case ExportProfile.qualtrics:
      return qualtrics(records, folded, roles);
    case ExportProfile.surveyMonkey:
      return surveyMonkey(records, folded, roles);
    default:
      return { profile, headerRowCount: 1, header: [...first], roles };
  }
}

function isQualtrics(records: Records, folded: readonly string[]): boolean {
  if ((records[2] ?? []).some((cell) => qualtricsImportId.test(cell))) return true;
  return folded.includes("responseid") && folded.includes("startdate");
}

function isLimeSurvey(has: (...names: string[]) => boolean): boolean {
  if (has("id") && has("submitdate")) return true;
  if (has("lastpage", "startlanguage", "laatste pagina", "last page", "starttaal", "start language"))
    return true;
  return has("antwoord id", "response id") && has("datum verstuurd", "date submitted");
}

function qualtrics(
  records: Records,
  folded: readonly string[],
  roles: (MetadataRole | undefined)[],
): ProfileDetection {
  const ids = records[0] ?? [];
  const texts = records[1] ?? [];
  const hasImportIds = (records[2] ?? []).some((cell) => qualtricsImportId.test(cell));
  // Older exports lack the ImportId row: row 2 is then texts unless it holds a response id.
  const idColumn = folded.indexOf("responseid");
  const rowTwoIsData = idColumn >= 0 && qualtricsResponseId.test((texts[idColumn] ?? "").trim());
  const headerRowCount = hasImportIds ? 3 : records.length < 2 || rowTwoIsData ? 1 : 2;
  const header = headerRowCount === 1 ? [...ids] : combineQualtricsHeader(ids, texts);
  return { profile: ExportProfile.qualtrics, headerRowCount, header, roles };
}

function surveyMonkey(
  records: Records,
  folded: readonly string[],
  roles: (MetadataRole | undefined)[],
): ProfileDetection {
  const questions = records[0] ?? [];
  const answers = records[1] ?? [];
  // The condensed export has one header row: then row 2 already holds a respondent's id.
  const idColumn = folded.findIndex((h) => h === "respondent id" || h === "respondent-id");
  const rowTwoIsData = records.length < 2 || /^\d+$/.test((answers[idColumn] ?? "").trim());
  if (rowTwoIsData)
    return { profile: ExportProfile.surveyMonkey, headerRowCount: 1, header: [...questions], roles };
  return {
    profile: ExportProfile.surveyMonkey,
    headerRowCount: 2,
    header: combineSurveyMonkeyHeader(questions, answers),
    roles,
  };
}
