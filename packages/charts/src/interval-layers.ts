import { CellStatus } from "./cell-status.js";
import { darkText } from "./palette.js";
import { statusIs } from "./status-encoding.js";

/**
 * Layers of a dot-and-interval chart (a mean or share with its confidence interval), shared by
 * the partnership profile and the JA-share chart. Rows need the fields `value`, `low`, `high`,
 * `status`, `statusText` and `tooltip`. A row without a number shows its status as text at
 * `statusAt` on the x axis, in place of the dot. A chart of one series passes no `yOffset` and no
 * `color`.
 */
export function intervalLayers<Y extends object, O extends object, C extends object, X extends object>(args: {
  y: Y;
  yOffset?: O;
  color?: C;
  /** scale and axis of the x channel (field-less; the layers set the fields) */
  x: X;
  statusAt: number;
}) {
  const shown = statusIs(CellStatus.shown);
  const common = {
    y: args.y,
    ...(args.yOffset === undefined ? {} : { yOffset: args.yOffset }),
    tooltip: { field: "tooltip", type: "nominal" as const },
  };
  const color = args.color === undefined ? {} : { color: args.color };
  return [
    {
      transform: [
        { filter: { and: [shown, { field: "low", valid: true }, { field: "high", valid: true }] } },
      ],
      mark: { type: "rule" as const, strokeWidth: 2 },
      encoding: {
        ...common,
        x: { ...args.x, field: "low", type: "quantitative" as const },
        x2: { field: "high" },
        ...color,
      },
    },
    {
      transform: [{ filter: shown }],
      mark: { type: "point" as const, filled: true, size: 70, opacity: 1 },
      encoding: {
        ...common,
        x: { ...args.x, field: "value", type: "quantitative" as const },
        ...color,
      },
    },
    {
      transform: [{ filter: { not: shown } }],
      mark: { type: "text" as const, align: "left" as const, dx: 4, fontStyle: "italic", color: darkText },
      encoding: {
        ...common,
        x: { datum: args.statusAt, type: "quantitative" as const },
        text: { field: "statusText", type: "nominal" as const },
      },
    },
  ];
}
