import { uniqueLabels } from "./unique-labels.js";
import { wrapLabel } from "./wrap-label.js";

/**
 * id → the label its axis shows: made unique, so two rows never merge, and wrapped when asked.
 * `seen` is [id, label] in axis order (see firstSeen).
 */
export function axisLabels(
  seen: readonly (readonly [string, string])[],
  wrap?: { readonly lineLength: number; readonly maxLines: number },
): Map<string, string> {
  const labels = seen.map(([, label]) =>
    wrap === undefined ? label : wrapLabel(label, wrap.lineLength, wrap.maxLines),
  );
  return new Map(uniqueLabels(labels).map((label, i) => [seen[i]![0], label] as const));
}

/** id → its position on the axis. */
export function axisOrder(seen: readonly (readonly [string, ...unknown[]])[]): Map<string, number> {
  return new Map(seen.map(([id], i) => [id, i] as const));
}
