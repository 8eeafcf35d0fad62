import type { Dimension, Problem, Result } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import type { SourceRow } from "./convert-row.js";
import { dimensionExpected, dimensionLookup } from "./dimension-lookup.js";
import { ingestMessages, rosterMessages as msg } from "./messages.js";
import { foldHeader } from "./normalise-text.js";

/** The number of families of one groep of one school in one wave: the denominator of response rates. */
export interface RosterRow {
  school: string;
  groep: string;
  wave: string;
  families: number;
}

const headerNames: Record<keyof RosterRow, readonly string[]> = {
  school: ["school", "schoolnaam", "naam school"],
  groep: ["groep", "klas", "group"],
  wave: ["meting", "wave", "peiling", "ronde", "schooljaar"],
  families: ["gezinnen", "families", "aantal gezinnen", "ouders", "aantal ouders", "leerlingen", "aantal"],
};

/**
 * Reads a roster export: one row per groep with its number of families. School and wave may come
 * from flags instead of columns. `groep` is normalised like the instruments' groep dimension, so
 * "Groep 1/2", "1-2" and "groep 1 en 2" are the same row as responses of groep "1/2".
 */
export async function readRoster(
  header: readonly string[],
  rows: AsyncIterable<SourceRow>,
  options: {
    file: string;
    school?: string;
    wave?: string;
    groep: Dimension;
    /** a school as written → its registry id, or why not (the problem gets the row and column here) */
    resolveSchool?: (written: string) => Result<string>;
  },
): Promise<Result<RosterRow[]>> {
  const { file } = options;
  const index = (key: keyof RosterRow) => header.findIndex((h) => headerNames[key].includes(foldHeader(h)));
  const columns = {
    school: index("school"),
    groep: index("groep"),
    wave: index("wave"),
    families: index("families"),
  };
  const errors: Problem[] = [];
  const need = (key: keyof RosterRow, fallback: string | undefined) => {
    if (columns[key] < 0 && fallback === undefined)
      errors.push({
        code: "roster-column-missing",
        message: msg.columnMissing(headerNames[key][0] ?? key),
        file,
        row: 1,
        expected: headerNames[key].join(", "),
        hint:
          key === "school" || key === "wave"
            ? msg.flagHint(key === "school" ? "--school" : "--wave")
            : undefined,
      });
  };
  need("school", options.school);
  need("wave", options.wave);
  need("groep", undefined);
  need("families", undefined);
  if (errors.length > 0) return fail(errors.map(clean));

  const groep = dimensionLookup(options.groep);
  const out: RosterRow[] = [];
  const seen = new Map<string, number>();
  for await (const { row, fields } of rows) {
    const cell = (i: number) => (i < 0 ? "" : (fields[i] ?? "").trim());
    const column = (i: number) => header[i] ?? "";
    const written = cell(columns.school) || options.school || "";
    let school = written;
    if (written !== "" && options.resolveSchool !== undefined) {
      const resolved = options.resolveSchool(written);
      if (!resolved.ok) {
        const where = cell(columns.school) === "" ? {} : { column: column(columns.school) };
        for (const e of resolved.errors) errors.push({ ...e, file, row, ...where });
        continue;
      }
      school = resolved.value;
    }
    const wave = cell(columns.wave) || options.wave || "";
    const g = groep(cell(columns.groep));
    const familiesText = cell(columns.families);
    const families = /^\d+$/.test(familiesText) ? Number(familiesText) : Number.NaN;
    if (!("value" in g)) {
      errors.push(
        clean({
          code: "roster-groep",
          message: msg.badGroep(cell(columns.groep)),
          file,
          row,
          column: column(columns.groep),
          value: cell(columns.groep),
          expected: dimensionExpected(options.groep),
          hint:
            "hint" in g && g.hint !== undefined
              ? g.hint
              : g.suggestion === undefined
                ? undefined
                : ingestMessages.didYouMean(g.suggestion),
        }),
      );
      continue;
    }
    if (!Number.isInteger(families) || families < 1) {
      errors.push({
        code: "roster-families",
        message: msg.badFamilies(familiesText),
        file,
        row,
        column: column(columns.families),
        value: familiesText,
        expected: msg.wholeNumber,
      });
      continue;
    }
    if (school === "" || wave === "") {
      errors.push({ code: "roster-empty", message: msg.emptyCell, file, row });
      continue;
    }
    const key = `${school}\u0000${g.value}\u0000${wave}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        code: "roster-duplicate",
        message: msg.duplicate(school, g.value, wave, first),
        file,
        row,
      });
      continue;
    }
    seen.set(key, row);
    out.push({ school, groep: g.value, wave, families });
  }
  if (out.length === 0 && errors.length === 0)
    errors.push({ code: "roster-empty-file", message: msg.noRows, file });
  return errors.length > 0 ? fail(errors) : ok(out);
}

function clean(p: Problem & { hint?: string | undefined }): Problem {
  const { hint, ...rest } = p;
  return hint === undefined ? rest : { ...rest, hint };
}
