import { delimiter, resolve } from "node:path";
import { defaultInstrumentDir } from "@zaz/survey";
import type { Effects } from "./effects.js";

/** The folders searched for instruments: the repository's defaults, then ZAZ_INSTRUMENTEN. */
export function instrumentDirs(effects: Effects): string[] {
  const extra = (effects.env.ZAZ_INSTRUMENTEN ?? "")
    .split(delimiter)
    .filter((d) => d !== "")
    .map((d) => resolve(effects.cwd, d));
  return [defaultInstrumentDir(), ...extra];
}
