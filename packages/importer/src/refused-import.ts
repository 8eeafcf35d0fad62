import type { Problem } from "@zaz/model";
import { ChangedResponsesError, ConflictingResponsesError } from "@zaz/store";
import { importerMessages as msg } from "./messages.js";

/**
 * The store's refusals of an import because of a response's identity, as problems of the file:
 * responses changed since an earlier import (without --vervang), or one response twice in the file
 * with other answers. Undefined for any other error.
 */
export function refusedImportProblems(
  error: unknown,
  /** what to do about changed responses: the CLI names --vervang, the dashboard its own choice */
  changedHint: (file: string) => string = msg.responsesChangedHint,
): { errors: Problem[]; errorCount: number } | undefined {
  if (error instanceof ChangedResponsesError) {
    const rows = error.first.map((c) => msg.changedRow(c.row, c.earlierRow, c.earlierFile));
    const first = error.first[0];
    return {
      errors: [
        {
          code: "responses-changed",
          message: msg.responsesChanged(
            error.count,
            error.file,
            error.earlier,
            rows,
            error.count - rows.length,
          ),
          file: error.file,
          ...(first === undefined ? {} : { row: first.row }),
          hint: changedHint(error.file),
        },
      ],
      errorCount: 1,
    };
  }
  if (error instanceof ConflictingResponsesError) {
    const pair = error.pairs[0];
    return {
      errors: [
        {
          code: "response-twice",
          message: msg.responseTwice(pair?.firstRow ?? 0, pair?.row ?? 0, error.count - 1),
          file: error.file,
          ...(pair === undefined ? {} : { row: pair.row }),
          hint: msg.responseTwiceHint,
        },
      ],
      errorCount: 1,
    };
  }
  return undefined;
}
