/**
 * Dates as survey tools write them, to ISO 8601 (local time, no zone — the exports carry none):
 * Google Forms NL "23-11-2026 14:03:22" and "2026/11/23 2:03:22 p.m. CET", LimeSurvey/Qualtrics
 * "2026-11-23 14:03:22", Dutch Excel "23-11-2026 14:03", SurveyMonkey/English Forms "11/23/2026 2:03:22 PM",
 * and plain dates "23-11-2026", "2026-11-23".
 */
export function parseDate(value: string): string | undefined {
  const text = value.trim();
  let m =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?m\.?)?)?/i.exec(
      text,
    );
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6], undefined);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i.exec(text);
  // With slashes and AM/PM, or a first part that cannot be a day-of-month order, it is US style m/d/yyyy.
  if (m) return build(m[3], m[1], m[2], m[4], m[5], m[6], m[7]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6], undefined);
  return undefined;
}

function build(
  y?: string,
  mo?: string,
  d?: string,
  h?: string,
  mi?: string,
  s?: string,
  ampm?: string,
): string | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm !== undefined) {
    const pm = ampm.toLowerCase().startsWith("p");
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return h === undefined ? date : `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
