import { type Delimiter, delimiters } from "./delimiter.js";

export interface DelimiterSniff {
  delimiter: Delimiter;
  /** fields per record with this delimiter, in the records looked at */
  fieldCount: number;
  /** true when no candidate split the sample into more than one column */
  fallback: boolean;
}

/** Records looked at; the header and a few answers are enough. */
const maxRecords = 30;

/**
 * Chooses among , ; tab | the delimiter that splits the first records of a sample into the
 * most consistent number of fields (more than one). Quotes are respected, so a ";" inside a
 * quoted answer does not count. `complete` says whether the sample is the whole file: if not,
 * the last, possibly cut-off, record is left out.
 */
export function sniffDelimiter(sample: string, complete = true): DelimiterSniff {
  let best: { delimiter: Delimiter; score: number; fieldCount: number } | undefined;
  for (const delimiter of delimiters) {
    const counts = fieldCounts(sample, delimiter, complete);
    if (counts.length === 0) continue;
    const [mode, frequency] = modeOf(counts);
    if (mode < 2) continue;
    // Consistency first; the header agreeing with the answers breaks ties before width does.
    const score = frequency / counts.length + (counts[0] === mode ? 0.001 : 0) + mode * 1e-6;
    if (best === undefined || score > best.score) best = { delimiter, score, fieldCount: mode };
  }
  if (best === undefined) return { delimiter: ",", fieldCount: 1, fallback: true };
  return { delimiter: best.delimiter, fieldCount: best.fieldCount, fallback: false };
}

function modeOf(counts: readonly number[]): [number, number] {
  const frequency = new Map<number, number>();
  for (const c of counts) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  let mode = 0;
  let most = 0;
  for (const [count, times] of frequency) {
    if (times > most || (times === most && count > mode)) {
      mode = count;
      most = times;
    }
  }
  return [mode, most];
}

/** Field count of each non-empty record in the sample, splitting on `delimiter` outside quotes. */
export function fieldCounts(sample: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let empty = true;
  for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
    const c = sample[i];
    if (c === '"') {
      // A doubled quote inside quotes toggles twice: no net change, as it should.
      inQuotes = !inQuotes;
      empty = false;
    } else if (inQuotes) {
    } else if (c === delimiter) {
      fields++;
      empty = false;
    } else if (c === "\n" || c === "\r") {
      if (!empty) counts.push(fields);
      fields = 1;
      empty = true;
    } else {
      empty = false;
    }
  }
  if (complete && !empty && counts.length < maxRecords) counts.push(fields);
  return counts;
}
