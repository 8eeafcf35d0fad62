import { waveName } from "@zaz/model";
import type { Labeled } from "../view.js";

export function waveLabel(code: string): Labeled {
  return { id: code, name: waveName(code) };
}

export function cohortLabel(code: string): Labeled {
  return { id: code, name: `cohort ${code}` };
}
