import type { Instrument, MissingKind, Result, SurveyResponse } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { type GroupKey, studentDimensionOf, valueLabel } from "./group-plan.js";
import { answersTo, indexInstrument, itemApplies, scaleOf } from "./instrument-index.js";
import { type ConstructInfo, constructInfo, type InstrumentLabel, instrumentLabel } from "./labels.js";
import { analysisMessages as msg } from "./messages.js";
import { constructScore } from "./score-responses.js";
import { ownResponses } from "./suppress.js";

/** One item as answered in one of the student's own conversations. */
export interface OwnAnswer {
  readonly item: string;
  readonly text: string;
  readonly section: string | null;
  /** the labels given (several for multiple choice), or the free text */
  readonly values: readonly string[];
  readonly codes: readonly number[];
  readonly missing: MissingKind | null;
}

/** One filled-in form or feedback about the student, in the order it happened. */
export interface DevelopmentEntry {
  readonly key: string;
  /** the conversation's date (the instrument's date dimension) or the submission time; null if neither */
  readonly date: string | null;
  /** fase, gesprekssoort, opleidingsschool … (never the student) */
  readonly context: GroupKey;
  /** construct id → scale score; only constructs that applied to this conversation */
  readonly scores: Readonly<Record<string, number>>;
  readonly answers: readonly OwnAnswer[];
}

export interface StudentDevelopment {
  readonly instrument: InstrumentLabel;
  /** the student's pseudonym as stored */
  readonly student: string;
  readonly constructs: readonly ConstructInfo[];
  readonly entries: readonly DevelopmentEntry[];
}

/**
 * A student teacher's own feedback over time, for the student's own development report: only this
 * student's responses, nothing about others, no comparison or ranking. The feedback is formative;
 * lecturers see it only in aggregates (aggregateConstructs and the others).
 */
export function studentDevelopment(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  studentPseudonym: string,
): Result<StudentDevelopment> {
  if (instrument.purpose !== "ontwikkeling")
    return fail([{ code: "analysis-not-development", message: msg.notDevelopment(instrument.title) }]);
  const studentDim = studentDimensionOf(instrument);
  if (studentDim === null)
    return fail([{ code: "analysis-no-student", message: msg.noStudentDimension(instrument.title) }]);
  const index = indexInstrument(instrument);
  const dateDim = instrument.dimensions.find((d) => d.type === "date")?.id;
  const contextDims = instrument.dimensions.filter(
    (d) => d.id !== studentDim && d.id !== dateDim && !d.pseudonymise,
  );
  const entries = ownResponses(responses, studentDim, studentPseudonym).map((r): DevelopmentEntry => {
    const scores: Record<string, number> = {};
    for (const c of instrument.constructs) {
      const { score } = constructScore(index, r, c.id);
      if (score !== null) scores[c.id] = score;
    }
    const answers: OwnAnswer[] = [];
    for (const item of instrument.items) {
      if (!itemApplies(index, item, r)) continue;
      const given = answersTo(r, item.id);
      if (given.length === 0) continue;
      const scale = scaleOf(index, item);
      const codes = given.flatMap((a) => (a.code === null ? [] : [a.code]));
      const values = given.flatMap((a) => {
        if (a.text !== null) return [a.text];
        if (a.code === null) return [];
        return [scale?.labels.find((l) => l.code === a.code)?.label ?? String(a.code)];
      });
      answers.push({
        item: item.id,
        text: item.text,
        section: item.section ?? null,
        values,
        codes,
        missing: given.find((a) => a.missing !== null)?.missing ?? null,
      });
    }
    return {
      key: r.key,
      date: (dateDim === undefined ? undefined : r.context[dateDim]) || r.submittedAt,
      context: contextDims
        .filter((d) => (r.context[d.id] ?? "") !== "")
        .map((d) => ({
          dimension: d.id,
          dimensionLabel: d.label,
          code: r.context[d.id]!,
          label: valueLabel(d, r.context[d.id]!),
        })),
      scores,
      answers,
    };
  });
  entries.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.key.localeCompare(b.key));
  return ok({
    instrument: instrumentLabel(instrument),
    student: studentPseudonym,
    constructs: instrument.constructs.map((c) => constructInfo(index, c.id)),
    entries,
  });
}
