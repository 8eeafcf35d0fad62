// Public API of @zaz/views: every view as one neutral value, its renderers, and the cache that serves it.

export { type Directory, directoryOf, type Entry } from "./data/directory.js";
export { type FilterOptions, type FilterScope, filterOptions } from "./data/filter-options.js";
export { precomputeReleases, releaseFor, releaseInput, releasePatterns } from "./data/release.js";
export { ViewError } from "./messages.js";
export { precomputeViews } from "./precompute.js";
export { csvTable } from "./render/csv.js";
export type { PlainTable } from "./render/plain-table.js";
export { renderCsv } from "./render/render-csv.js";
export { type HtmlOptions, renderHtml } from "./render/render-html.js";
export {
  ChromiumMissingError,
  chromiumPath,
  PdfPrinter,
  type PdfPrinterOptions,
  PrinterBusyError,
  renderPdf,
  type ViewPrinter,
} from "./render/render-pdf.js";
export { renderText } from "./render/render-text.js";
export { textTable } from "./render/text-table.js";
export { conceptName } from "./sections/action-section.js";
export {
  type Cell,
  type CellValue,
  type Chart,
  type Column,
  type Fact,
  type HiddenCell,
  isViewKind,
  type Labeled,
  type Section,
  type ShownCell,
  type Table,
  type View,
  ViewKind,
  type ViewLink,
  viewKinds,
} from "./view.js";
export type { ViewContext } from "./view-context.js";
export {
  computeView,
  type ServedView,
  type ViewParams,
  type ViewRequest,
  ViewService,
} from "./view-service.js";
