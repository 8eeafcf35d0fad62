// Module customization hooks (run on Node's loader thread), registered by ./register.mjs.
import { appendFileSync } from "node:fs";

let log = "";

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(log, `${JSON.stringify({ specifier, url: resolved.url, parent: context.parentURL })}\n`);
  return resolved;
}
