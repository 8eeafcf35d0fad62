import type { Labeled } from "../results-service.js";
import { resultMessages as msg } from "./messages.js";

/** "2025-najaar" → "najaar 2025"; other wave codes as written. */
export function waveName(code: string): string {
  const match = /^(\d{4})-([a-z]+)$/i.exec(code);
  return match === null ? code : `${match[2]!.toLowerCase()} ${match[1]}`;
}

export function waveLabel(code: string): Labeled {
  return { id: code, name: waveName(code) };
}

export function cohortLabel(code: string): Labeled {
  return { id: code, name: msg.cohort(code) };
}

// Within a school year's calendar year, spring comes before autumn: "2025-voorjaar" < "2025-najaar".
const seasons = ["winter", "voorjaar", "zomer", "najaar"];

function waveKey(code: string): [string, number, string] {
  const match = /^(\d{4})-([a-z]+)$/i.exec(code);
  if (match === null) return [code, -1, code];
  return [match[1]!, seasons.indexOf(match[2]!.toLowerCase()), match[2]!];
}

/** Chronological order of wave codes "JJJJ-seizoen"; other codes as written. */
export function byWave(a: string, b: string): number {
  const [ya, sa, ra] = waveKey(a);
  const [yb, sb, rb] = waveKey(b);
  if (ya !== yb) return ya < yb ? -1 : 1;
  if (sa !== sb) return sa - sb;
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

/** The wave before `current` in time, if any. */
export function previousWaveOf(waves: readonly string[], current: string): string | null {
  const sorted = [...waves].sort(byWave);
  const at = sorted.indexOf(current);
  return at > 0 ? (sorted[at - 1] ?? null) : null;
}
