import type { Cell, ConstructStats, JaShare } from "@zaz/survey";

// Analysis cells to chart rows: a shown cell gives its numbers, a hidden one nulls and its reason,
// so a chart marks it without ever receiving a value.

export function hiddenFields(cell: Cell<unknown> | undefined): { suppressed: boolean; reason?: string } {
  return {
    suppressed: cell?.status === "suppressed",
    ...(cell && cell.status !== "shown" ? { reason: cell.label } : {}),
  };
}

/** A chart row of a construct mean with its 95% interval. */
export function intervalRow<B extends object>(base: B, cell: Cell<ConstructStats> | undefined) {
  if (cell?.status === "shown") {
    const { mean, ci } = cell.value;
    return { ...base, mean, low: ci?.low ?? null, high: ci?.high ?? null, n: cell.n };
  }
  return { ...base, mean: null, low: null, high: null, n: null, ...hiddenFields(cell) };
}

/** A chart row of an observation item's share of JA with its Wilson interval. */
export function jaShareRow<B extends object>(base: B, cell: Cell<JaShare> | undefined) {
  if (cell?.status === "shown") {
    const { share, ci } = cell.value;
    return { ...base, share, low: ci.low, high: ci.high, n: cell.n };
  }
  return { ...base, share: null, low: null, high: null, n: null, ...hiddenFields(cell) };
}
