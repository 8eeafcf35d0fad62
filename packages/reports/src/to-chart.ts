import type { Chart } from "@zaz/charts";
import type { ReportChart } from "./report.js";

export function toChart(id: string, chart: Chart): ReportChart {
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
