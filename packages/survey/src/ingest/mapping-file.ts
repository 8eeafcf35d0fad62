import { fail, formatPath, type Instrument, ok, type Problem, type Result } from "@zaz/model";
import { z } from "zod";
import { type ColumnTarget, formatTarget, parseTarget } from "./column-target.js";
import { ingestMessages as msg } from "./messages.js";
import type { ColumnMapping } from "./propose-mapping.js";

/**
 * A reviewed mapping of an export's columns, written by `zaz map` and edited by a person:
 * one entry per column header, with the target "item:ID", "dimension:ID", "meta:responseId",
 * "meta:submittedAt" or "ignore".
 */
const mappingFileSchema = z
  .object({
    $comment: z.string().optional(),
    instrument: z.string().min(1),
    columns: z
      .array(
        z
          .object({
            column: z.string(),
            target: z.string().min(1),
            confidence: z.number().min(0).max(1).optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type MappingFile = z.output<typeof mappingFileSchema>;

export function parseMappingFile(text: string, file: string, instrument: Instrument): Result<MappingFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([{ code: "mapping-invalid-json", message: msg.mappingInvalidJson(String(error)), file }]);
  }
  const parsed = mappingFileSchema.safeParse(data);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const path = formatPath(issue.path);
        return { code: "mapping-invalid", message: msg.mappingField(path, issue.message), file, path };
      }),
    );
  }
  const errors: Problem[] = [];
  if (parsed.data.instrument !== instrument.id) {
    errors.push({
      code: "mapping-other-instrument",
      message: msg.mappingOtherInstrument(parsed.data.instrument, instrument.id),
      file,
      path: "instrument",
      value: parsed.data.instrument,
      expected: instrument.id,
    });
  }
  const itemIds = new Set(instrument.items.map((i) => i.id));
  const dimensionIds = new Set(instrument.dimensions.map((d) => d.id));
  parsed.data.columns.forEach((c, i) => {
    const target = parseTarget(c.target);
    const path = `columns[${i}].target`;
    const bad =
      target === undefined ||
      (target.kind === "item" && !itemIds.has(target.item)) ||
      (target.kind === "dimension" && !dimensionIds.has(target.dimension));
    if (bad) {
      errors.push({
        code: "mapping-unknown-target",
        message: msg.mappingUnknownTarget(path, c.target),
        file,
        path,
        value: c.target,
        expected: msg.mappingTargetForms,
      });
    }
  });
  return errors.length > 0 ? fail(errors) : ok(parsed.data);
}

/** Applies a reviewed mapping to the export's headers; headers it does not mention are ignored, with a warning. */
export function applyMappingFile(
  headers: readonly string[],
  mapping: MappingFile,
  file: string,
): { columns: ColumnMapping[]; warnings: Problem[] } {
  const byHeader = new Map<string, ColumnTarget>();
  for (const c of mapping.columns) {
    const target = parseTarget(c.target);
    if (target) byHeader.set(c.column.trim(), target);
  }
  const warnings: Problem[] = [];
  const columns = headers.map((header, index): ColumnMapping => {
    const target = byHeader.get(header.trim());
    if (target) return { index, header, target, confidence: 1, via: "mappingFile" };
    warnings.push({
      code: "mapping-column-absent",
      message: msg.mappingColumnAbsent(header, file),
      file,
      column: header,
    });
    return { index, header, target: { kind: "ignore", reason: "unmapped" }, confidence: 0, via: "none" };
  });
  return { columns, warnings };
}

/** The editable mapping file for a proposal: suggestions are filled in, to be reviewed. */
export function formatMappingFile(instrument: Instrument, columns: readonly ColumnMapping[]): string {
  const file: MappingFile = {
    $comment: msg.mappingFileComment,
    instrument: instrument.id,
    columns: columns.map((c) => {
      const proposed =
        c.via === "none" && c.suggestion ? c.suggestion : { target: c.target, confidence: c.confidence };
      const entry: MappingFile["columns"][number] = {
        column: c.header,
        target: formatTarget(proposed.target),
        confidence: proposed.confidence,
      };
      const note = describeTarget(instrument, proposed.target, c);
      if (note !== undefined) entry.note = note;
      return entry;
    }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function describeTarget(instrument: Instrument, target: ColumnTarget, c: ColumnMapping): string | undefined {
  if (target.kind === "item") {
    const text = instrument.items.find((i) => i.id === target.item)?.text;
    return c.via === "none" ? msg.noteCheck(text ?? target.item) : text;
  }
  if (target.kind === "dimension") return instrument.dimensions.find((d) => d.id === target.dimension)?.label;
  if (target.kind === "ignore") return msg.ignoreReason(target.reason);
  return undefined;
}
