export { type CategoryBarsInput, type CategoryRow, categoryBars } from "./category-bars.js";
export { CellStatus, cellStatuses, cellStatusOf, isCellStatus } from "./cell-status.js";
export { type ChangeHeatmapInput, type ChangeRow, changeHeatmap } from "./change-heatmap.js";
export { type Chart, type ChartTable, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
export { chartConfig, fontFamily, pageWidth } from "./chart-config.js";
export { type ClassHeatmapInput, classHeatmap, type HeatmapRow } from "./class-heatmap.js";
export { formatNumber, formatPercent } from "./dutch-number.js";
export { type DotRow, type IntervalDotsInput, intervalDots } from "./interval-dots.js";
export { type JaShareInput, type JaShareRow, jaShare } from "./ja-share.js";
export {
  type LikertBarsInput,
  type LikertItemRow,
  type LikertScaleLabel,
  likertBars,
} from "./likert-bars.js";
export {
  type PartnershipProfileInput,
  type ProfileRow,
  partnershipProfile,
} from "./partnership-profile.js";
export { type RenderOptions, renderSvg } from "./render-svg.js";
export { type ResponseRateInput, type ResponseRateRow, responseRate } from "./response-rate.js";
export { type TrendInput, type TrendRow, trend } from "./trend.js";
export { uniqueLabels } from "./unique-labels.js";
export { wrapLabel } from "./wrap-label.js";
