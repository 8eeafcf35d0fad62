/**
 * The order of waves (metingen) in time. Wave codes are written by people ("2025-najaar",
 * "2026-voorjaar", "2025-2026-najaar", "2026-03"), so alphabetical order puts "2026-najaar" before
 * "2026-voorjaar": every comparison of waves goes through this one order instead.
 */

// Approximate month of a season, for ordering only.
const seasonMonth: Readonly<Record<string, number>> = {
  winter: 1,
  voorjaar: 4,
  lente: 4,
  spring: 4,
  zomer: 7,
  summer: 7,
  najaar: 10,
  herfst: 10,
  autumn: 10,
  fall: 10,
};

const seasonName: Readonly<Record<string, string>> = {
  lente: "voorjaar",
  spring: "voorjaar",
  summer: "zomer",
  herfst: "najaar",
  autumn: "najaar",
  fall: "najaar",
};

/** When a wave took place, as (year, month), or null for a code in none of the known forms. */
export function waveTime(code: string): { year: number; month: number } | null {
  const text = code.trim().toLowerCase();
  // "2025-najaar", "2025 voorjaar", "najaar-2025"
  let m = /^(\d{4})[-_ /]([a-z]+)$/.exec(text) ?? /^([a-z]+)[-_ /](\d{4})$/.exec(text);
  if (m !== null) {
    const [year, season] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const month = seasonMonth[season];
    return month === undefined ? null : { year: Number(year), month };
  }
  // A school year and a season: "2025-2026-najaar" is autumn 2025, "2025/2026 voorjaar" spring 2026.
  m = /^(\d{4})[-/](\d{4})[-_ /]([a-z]+)$/.exec(text);
  if (m !== null && Number(m[2]) === Number(m[1]) + 1) {
    const month = seasonMonth[m[3]!];
    if (month === undefined) return null;
    return { year: month >= 8 ? Number(m[1]) : Number(m[2]), month };
  }
  // "2026-03", "2026-03-15"
  m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})$/.exec(text);
  return m === null ? null : { year: Number(m[1]), month: 0 };
}

const collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

/** Chronological order of wave codes; codes of unknown form after the others, as people sort them. */
export function compareWaveCodes(a: string, b: string): number {
  const ta = waveTime(a);
  const tb = waveTime(b);
  if (ta !== null && tb !== null) return ta.year - tb.year || ta.month - tb.month || collator.compare(a, b);
  if (ta !== null) return -1;
  if (tb !== null) return 1;
  return collator.compare(a, b);
}

/** The waves oldest first. */
export function sortWaves(codes: Iterable<string>): string[] {
  return [...codes].sort(compareWaveCodes);
}

/** The wave before `current` in time, or null when it is the first (or unknown). */
export function previousWave(codes: Iterable<string>, current: string): string | null {
  const sorted = sortWaves(new Set(codes));
  const at = sorted.indexOf(current);
  return at > 0 ? (sorted[at - 1] ?? null) : null;
}

/** How a wave reads in a sentence: "2025-najaar" → "najaar 2025"; other codes as written. */
export function waveName(code: string): string {
  const m = /^(\d{4})[-_ ]([a-z]+)$/i.exec(code.trim());
  if (m === null) return code;
  const season = m[2]!.toLowerCase();
  if (seasonMonth[season] === undefined) return code;
  return `${seasonName[season] ?? season} ${m[1]}`;
}
