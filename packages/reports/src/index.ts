export { intervalRow, jaShareRow } from "./chart-rows.js";
export { type CsvOptions, csvTable, neutralise } from "./csv.js";
export { klassenReport } from "./klassen-report.js";
export { leerlijnReport } from "./leerlijn-report.js";
export { previousWave, type ReportContext, ReportError } from "./load.js";
export { methodSection } from "./method.js";
export { ontwikkelingReport } from "./ontwikkeling-report.js";
export { renderCsv } from "./render-csv.js";
export { renderHtml } from "./render-html.js";
export { renderText } from "./render-text.js";
export {
  cellText,
  formatNumber,
  formatPercent,
  isReportKind,
  type Report,
  type ReportCell,
  type ReportChart,
  ReportKind,
  type ReportSection,
  type ReportTable,
  type ReportValue,
} from "./report.js";
export { scholenReport } from "./scholen-report.js";
export { type Cell, type Column, plainCellText, type Table } from "./table.js";
export { textTable, wrap } from "./text-table.js";
