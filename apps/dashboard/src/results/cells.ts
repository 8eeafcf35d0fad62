import type { Cell as AnalysisCell, GroupKey } from "@zaz/survey";
import type { Cell } from "../results-service.js";

/** An analysis cell as the dashboard carries it: the value a number, the suppression reason dropped. */
export function toCell<T>(cell: AnalysisCell<T> | undefined, value: (v: T) => number): Cell {
  if (cell === undefined) return { status: "empty", label: "geen gegevens" };
  if (cell.status === "shown") return { status: "shown", n: cell.n, value: value(cell.value) };
  return { status: cell.status, label: cell.label };
}

/** The fields the chart builders take for a cell that is not shown. */
export function hiddenFields(cell: AnalysisCell<unknown> | undefined): {
  suppressed: boolean;
  reason?: string;
} {
  if (cell?.status === "suppressed") return { suppressed: true, reason: cell.label };
  return { suppressed: false };
}

/** The code of one dimension in a group key ("" when absent). */
export function codeIn(key: GroupKey, dimension: string): string {
  return key.find((l) => l.dimension === dimension)?.code ?? "";
}

/** The label of one dimension in a group key. */
export function labelIn(key: GroupKey, dimension: string): string {
  return key.find((l) => l.dimension === dimension)?.label ?? "";
}

/** Unwraps an analysis result; a failure here means the service asked a wrong question (a bug). */
export function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] },
): T {
  if (result.ok) return result.value;
  throw new Error(`analysis failed: ${result.errors.map((e) => e.message).join("; ")}`);
}
