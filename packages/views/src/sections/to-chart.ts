import type { Chart as Built } from "@zaz/charts";
import type { Chart } from "../view.js";

/** A built chart as a view's chart: its id, the title and description its spec carries. */
export function toChart(id: string, chart: Built): Chart {
  const spec = chart.spec as { title?: unknown; description?: unknown };
  const title =
    typeof spec.title === "string"
      ? spec.title
      : typeof spec.title === "object" && spec.title !== null && "text" in spec.title
        ? String((spec.title as { text: unknown }).text)
        : id;
  return {
    id,
    title,
    description: typeof spec.description === "string" ? spec.description : title,
    spec: chart.spec,
    table: chart.table,
  };
}
