import type { Spec as VegaSpec } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { estimateTextWidth } from "./estimate-text-width.js";

export interface RenderOptions {
  /** receives warnings of Vega-Lite's compiler and of Vega; by default they are ignored */
  onWarning?: (message: string) => void;
}

// Vega and Vega-Lite take most of a second to load; only rendering needs them, so a command that
// builds specs (or prints help) does not pay for them.
const runtime = () => Promise.all([import("vega"), import("vega-lite"), import("vega-interpreter")]);

/** Vega-Lite spec → Vega spec, collecting compiler warnings instead of printing them. */
async function compileToVega(spec: TopLevelSpec, options: RenderOptions = {}): Promise<VegaSpec> {
  const [, vegaLite] = await runtime();
  const warn = options.onWarning ?? (() => {});
  return vegaLite.compile(spec, { logger: messageLogger(warn) }).spec;
}

/**
 * Renders a Vega-Lite spec to an SVG string in Node, without a canvas (text widths are estimated).
 * It evaluates expressions with Vega's CSP-safe interpreter, as the dashboard does, so a spec that
 * renders here also renders under a Content-Security-Policy without 'unsafe-eval'.
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const [vega, , interpreter] = await runtime();
  useTextWidthEstimate(vega);
  const vegaSpec = await compileToVega(spec, options);
  const parsed = vega.parse(vegaSpec, undefined, { ast: true });
  const view = new vega.View(parsed, {
    renderer: "none",
    expr: interpreter.expressionInterpreter,
    logger: messageLogger(options.onWarning ?? (() => {})),
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The logger interface shared by Vega and Vega-Lite, passing warnings and errors on as text. */
function messageLogger(onWarning: (message: string) => void) {
  let level = 2;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      // An error while rendering is a broken spec: a programmer error, so it throws.
      throw new Error(args.map(String).join(" "));
    },
    warn(...args: readonly unknown[]) {
      onWarning(args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** The text item fields Vega hands to a width function. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let estimateInstalled = false;

/**
 * Replaces Vega's canvas-less width estimate with ours, through the hook Vega documents for
 * this (`textMetrics.width`, as vl-convert does). Only in Node: there is no canvas to prefer.
 */
function useTextWidthEstimate(vega: unknown): void {
  if (estimateInstalled) return;
  estimateInstalled = true;
  const metrics = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (metrics === undefined) return;
  metrics.width = (item, text) => {
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    const weight = item.fontWeight;
    const bold = weight === "bold" || (typeof weight === "number" && weight >= 600) || weight === "600";
    const line = text === null || text === undefined ? "" : String(text).trim();
    return estimateTextWidth(line, size, bold);
  };
}
