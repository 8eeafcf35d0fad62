import { fail, formatPath, type Instrument, ok, type Problem, type Result } from "@zaz/model";
import { z } from "zod";
import { type ColumnTarget, formatTarget, parseTarget } from "./column-target.js";
import { ingestMessages as msg } from "./messages.js";
import type { ColumnMapping } from "./propose-mapping.js";
import { columnPlace, headerKey, repeatedHeaders } from "./repeated-headers.js";

/**
 * A reviewed mapping of an export's columns, written by `zaz map` and edited by a person: one
 * entry per column, with the target "item:ID", "item:ID[CODE]" (a column per choice),
 * "item:ID[anders]" (the text typed beside "Anders"), "dimension:ID", "meta:responseId",
 * "meta:submittedAt" or "ignore". `column` names the column by its header text, or by its number
 * (1 = column A) where headers repeat (observation forms that share an item's wording); with a
 * number, `header` is the header expected there, so a re-arranged export is refused.
 */
const mappingFileSchema = z
  .object({
    $comment: z.string().optional(),
    instrument: z.string().min(1),
    columns: z
      .array(
        z
          .object({
            column: z.union([z.string(), z.number().int().min(1)]),
            header: z.string().optional(),
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

/**
 * Applies a reviewed mapping to the export's headers; headers it does not mention are ignored,
 * with a warning. An entry by number wins over one by header text; a header text that stands
 * above several columns must have each of them named by number.
 */
export function applyMappingFile(
  headers: readonly string[],
  mapping: MappingFile,
  file: string,
): { columns: ColumnMapping[]; warnings: Problem[]; errors: Problem[] } {
  const errors: Problem[] = [];
  const byHeader = new Map<string, ColumnTarget>();
  const byIndex = new Map<number, ColumnTarget>();
  mapping.columns.forEach((c, i) => {
    const target = parseTarget(c.target);
    if (!target) return;
    const path = `columns[${i}].column`;
    if (typeof c.column === "string") {
      byHeader.set(c.column.trim(), target);
      return;
    }
    const index = c.column - 1;
    const found = headers[index];
    const place = columnPlace(index);
    if (found === undefined) {
      errors.push({
        code: "mapping-column-outside",
        message: msg.mappingPositionOutside(c.column, headers.length),
        file,
        path,
        value: String(c.column),
        hint: msg.mappingPositionHint,
      });
    } else if (c.header !== undefined && headerKey(c.header) !== headerKey(found)) {
      errors.push({
        code: "mapping-header-differs",
        message: msg.mappingPositionHeader(place, c.header.trim(), found.trim()),
        file,
        path,
        column: found,
        value: found,
        expected: c.header,
        hint: msg.mappingPositionHint,
      });
    } else if (byIndex.has(index)) {
      errors.push({ code: "mapping-column-twice", message: msg.mappingDoubleColumn(place), file, path });
    } else byIndex.set(index, target);
  });
  for (const r of repeatedHeaders(headers)) {
    const open = r.indexes.filter((i) => !byIndex.has(i));
    const named = [...byHeader.keys()].some((h) => headerKey(h) === headerKey(r.header));
    if (open.length > 0 && named)
      errors.push({
        code: "mapping-ambiguous-header",
        message: msg.mappingAmbiguousHeader(r.header, r.indexes.map(columnPlace)),
        file,
        column: r.header,
        value: r.header,
        hint: msg.repeatedHeaderHint((open[0] ?? 0) + 1),
      });
  }
  const warnings: Problem[] = [];
  const columns = headers.map((header, index): ColumnMapping => {
    const target = byIndex.get(index) ?? byHeader.get(header.trim());
    if (target) return { index, header, target, confidence: 1, via: "mappingFile" };
    warnings.push({
      code: "mapping-column-absent",
      message: msg.mappingColumnAbsent(header, file),
      file,
      column: header,
    });
    return { index, header, target: { kind: "ignore", reason: "unmapped" }, confidence: 0, via: "none" };
  });
  return { columns, warnings, errors };
}

/** The editable mapping file for a proposal: suggestions are filled in, to be reviewed. */
export function formatMappingFile(instrument: Instrument, columns: readonly ColumnMapping[]): string {
  const repeated = new Set(repeatedHeaders(columns.map((c) => c.header)).flatMap((r) => r.indexes));
  const file: MappingFile = {
    $comment: msg.mappingFileComment,
    instrument: instrument.id,
    columns: columns.map((c) => {
      const proposed =
        c.via === "none" && c.suggestion ? c.suggestion : { target: c.target, confidence: c.confidence };
      const target = formatTarget(proposed.target);
      const { confidence } = proposed;
      // A header above several columns cannot name one of them: those go by number.
      const entry: MappingFile["columns"][number] = repeated.has(c.index)
        ? { column: c.index + 1, header: c.header, target, confidence }
        : { column: c.header, target, confidence };
      const note = repeated.has(c.index)
        ? msg.noteRepeated(describeTarget(instrument, proposed.target, c) ?? target)
        : describeTarget(instrument, proposed.target, c);
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
