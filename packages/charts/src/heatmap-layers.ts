import { CellStatus } from "./cell-status.js";
import { noDataStroke } from "./palette.js";
import { statusFillConditions, statusIs } from "./status-encoding.js";
import { textColorEncoding } from "./text-color.js";

/**
 * Layers of a heatmap, shared by the class heatmap and the change heatmap: a rect per cell filled
 * by the colour scale (grey when suppressed, white when there is no data), a dashed outline that
 * keeps a "no data" cell from vanishing white-on-white, and the cell's text. Rows need the fields
 * `status`, `cellText`, `textColor` and `tooltip`, and the field `color` names.
 */
export function heatmapLayers<X extends object, Y extends object, C extends object>(args: {
  x: X;
  y: Y;
  /** the fill's field, scale and legend (the status conditions are put before it) */
  color: C;
}) {
  const { x, y } = args;
  const tooltip = { field: "tooltip", type: "nominal" as const };
  return [
    {
      // "show": keep rows whose value is null, so the status conditions can colour them.
      mark: { type: "rect" as const, stroke: "#ffffff", strokeWidth: 1, invalid: "show" as const },
      encoding: { x, y, color: { condition: statusFillConditions, ...args.color }, tooltip },
    },
    {
      // The dashed outline that sets "no data" apart from a suppressed (grey) cell.
      transform: [{ filter: statusIs(CellStatus.noData) }],
      mark: { type: "rect" as const, fill: null, stroke: noDataStroke, strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { x, y },
    },
    {
      mark: { type: "text" as const, fontSize: 11, lineHeight: 13 },
      encoding: {
        x,
        y,
        text: { field: "cellText", type: "nominal" as const },
        color: textColorEncoding,
        tooltip,
      },
    },
  ];
}
