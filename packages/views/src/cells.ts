import type { Cell as AnalysisCell, ConstructStats, Interval } from "@zaz/survey";
import { formatCount, formatNumber, formatPercent, round, signed } from "./format.js";
import { viewMessages as msg } from "./messages.js";
import type { Cell, HiddenCell, ShownCell } from "./view.js";

// Analysis cells to view cells: the only place where a number gets its Dutch text.

/** A hidden analysis cell's mark in a table ("< 5", "×", "–"), with its reason. */
export function hiddenCell(
  cell: Exclude<AnalysisCell<unknown>, { status: "shown" }> | undefined,
  k: number,
): HiddenCell {
  if (cell === undefined || cell.status === "empty")
    return { status: "empty", text: msg.emptyShort, title: cell?.label ?? msg.empty };
  const text = cell.reason === "complementary" ? msg.complementaryShort : msg.belowKShort(k);
  return { status: "suppressed", text, title: cell.label };
}

function withInterval(cell: ShownCell, ci: Interval | null | undefined, decimals = 2): ShownCell {
  if (ci === null || ci === undefined) return cell;
  return {
    ...cell,
    low: round(ci.low),
    high: round(ci.high),
    title: msg.interval(ci.low, ci.high, decimals),
  };
}

/** "3,8 (12)": a mean with the n it rests on; † where fewer than 10; the interval in its title. */
export function meanCell(cell: AnalysisCell<ConstructStats> | undefined, k: number): Cell {
  if (cell?.status !== "shown") return hiddenCell(cell, k);
  const v = cell.value;
  const shown = withInterval(
    {
      status: "shown",
      text: `${formatNumber(v.mean)} (${formatCount(cell.n)})${v.smallN ? msg.smallMark : ""}`,
      value: round(v.mean),
      n: cell.n,
      ...(v.smallN ? { small: true } : {}),
    },
    v.ci,
  );
  if (v.designEffect === null || v.designEffect.deff <= 1) return shown;
  return {
    ...shown,
    title: `${shown.title ?? ""}; ${msg.designEffect(v.designEffect.deff, v.designEffect.icc)}`,
  };
}

/** A mean of some other statistic: "3,2" with n, no interval. */
export function numberCell(value: number, n: number, decimals = 1, title?: string): ShownCell {
  return {
    status: "shown",
    text: formatNumber(value, decimals),
    value: round(value),
    n,
    ...(title ? { title } : {}),
  };
}

/** "16": a count of respondents is its own n. */
export function countCell(cell: AnalysisCell<number> | undefined, k: number): Cell {
  if (cell?.status !== "shown") return hiddenCell(cell, k);
  return { status: "shown", text: formatCount(cell.value), value: cell.value, n: cell.n };
}

/** "62%" with the n it rests on and a Wilson interval in the title. */
export function percentCell(share: number, n: number, ci?: Interval | null): ShownCell {
  const cell: ShownCell = { status: "shown", text: formatPercent(share), value: round(share), n };
  if (ci === null || ci === undefined) return cell;
  return {
    ...cell,
    low: round(ci.low),
    high: round(ci.high),
    title: `95%-interval ${formatPercent(ci.low)} – ${formatPercent(ci.high)}`,
  };
}

/** "+0,3 [0,0; +0,5]" or "+0,3": a change between waves, with its interval. */
export function changeCell(
  change: number,
  n: number,
  ci: Interval | null,
  options: { interval: "text" | "title" } = { interval: "title" },
): ShownCell {
  const base: ShownCell = { status: "shown", text: signed(change), value: round(change), n };
  if (ci === null) return base;
  const range = { low: round(ci.low), high: round(ci.high) };
  if (options.interval === "text")
    return { ...base, ...range, text: `${signed(change)} [${signed(ci.low)}; ${signed(ci.high)}]` };
  return { ...base, ...range, title: msg.interval(ci.low, ci.high) };
}
