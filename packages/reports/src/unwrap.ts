import type { Result } from "@zaz/model";
import { ReportError } from "./load.js";

/** An analysis result that failed is a request the report cannot serve: its problems become the message. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ReportError(result.errors.map((p) => p.message).join(" "));
}
