import type { Result } from "@zaz/model";
import { viewMessages as msg, ViewError } from "../messages.js";
import type { Fact, View, ViewKind } from "../view.js";
import type { ViewContext } from "../view-context.js";

/** An analysis result that failed is a request the view cannot serve: its problems become the message. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ViewError(result.errors.map((p) => p.message).join(" "));
}

/** The parts every view has, filled in from the context. */
export async function viewHead(
  context: ViewContext,
  kind: ViewKind,
): Promise<Pick<View, "kind" | "generatedAt" | "dataVersion" | "privacy">> {
  return {
    kind,
    generatedAt: context.now().toISOString(),
    dataVersion: await context.store.dataVersion(),
    privacy: { k: context.privacy.k, kText: context.privacy.kText },
  };
}

export function fact(id: string, label: string, cell: Fact["cell"]): Fact {
  return { id, label, cell };
}

export { msg };
