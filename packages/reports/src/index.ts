export { type CsvOptions, csvTable, neutralise } from "./csv.js";
export {
  type Report,
  type ReportCell,
  type ReportChart,
  ReportKind,
  type ReportSection,
  type ReportTable,
  type ReportValue,
  cellText,
  formatNumber,
  formatPercent,
  isReportKind,
} from "./report.js";
export { type Cell, type Column, type Table, plainCellText } from "./table.js";
export { textTable, wrap } from "./text-table.js";
export { klassenReport } from "./klassen-report.js";
export { type ReportContext, ReportError, previousWave } from "./load.js";
export { methodSection } from "./method.js";
export { renderCsv } from "./render-csv.js";
export { renderHtml } from "./render-html.js";
export { renderText } from "./render-text.js";
export { leerlijnReport } from "./leerlijn-report.js";
export { ontwikkelingReport } from "./ontwikkeling-report.js";
export { scholenReport } from "./scholen-report.js";
