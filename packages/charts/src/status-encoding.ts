import { CellStatus } from "./cell-status.js";
import { noDataFill, suppressedFill } from "./palette.js";

/**
 * Encoding pieces that draw cells without a number: grey fill for suppressed (too few
 * respondents), white with a dashed outline for no data. They test the row's `status` field with
 * a field predicate, so no expression ever contains text from the data.
 */
export const statusIs = (status: CellStatus) => ({ field: "status", equal: status });

/** Conditions to put before a fill's field definition: they win over the colour scale. */
export const statusFillConditions = [
  { test: statusIs(CellStatus.suppressed), value: suppressedFill },
  { test: statusIs(CellStatus.noData), value: noDataFill },
];
