import { type Instrument, translatedHeaders } from "@zaz/model";
import type { ColumnTarget } from "./column-target.js";
import { foldHeader, foldText } from "./normalise-text.js";
import { editSimilarity, wordSimilarity } from "./similarity.js";

/** How a column was matched; only the first three are trusted without a reviewed mapping file. */
export const MatchVia = {
  id: "id",
  alias: "alias",
  text: "text",
  export: "export",
  similar: "similar",
  mappingFile: "mappingFile",
  none: "none",
} as const;
export type MatchVia = (typeof MatchVia)[keyof typeof MatchVia];

export interface ColumnMapping {
  index: number;
  header: string;
  target: ColumnTarget;
  /** 0–1: how sure the match is */
  confidence: number;
  via: MatchVia;
  /** for unmapped columns: the most similar item or dimension, if any */
  suggestion?: { target: ColumnTarget; confidence: number };
}

/** What the reader learned about a column from the export's profile. */
export type ColumnRole = "timestamp" | "responseId" | "email" | "name" | "ip" | "meta";

interface Candidate {
  target: ColumnTarget;
  id: string;
  names: string[];
  texts: string[];
}

const identifierHeader =
  /(^|\b)(e-?mail(adres)?|email address|naam|name|voornaam|achternaam|ip[- ]?(adres|address)|telefoon(nummer)?|phone)(\b|$)/;
/** Below this, a similar header is not even suggested. */
const suggestThreshold = 0.55;

function candidates(instrument: Instrument): Candidate[] {
  // A translated form's questions are headers of its export: they map to the same items.
  const translated = translatedHeaders(instrument);
  const other = (map: ReadonlyMap<string, readonly { text: string }[]>, id: string) =>
    (map.get(id) ?? []).map((t) => t.text);
  return [
    ...instrument.dimensions.map((d) => ({
      target: { kind: "dimension", dimension: d.id } as const,
      id: d.id,
      names: [d.id, d.label, ...d.aliases].map(foldText),
      texts: [d.label, ...other(translated.dimensions, d.id)].map(foldText),
    })),
    ...instrument.items.map((i) => ({
      target: { kind: "item", item: i.id } as const,
      id: i.id,
      names: [i.id, ...i.aliases].map(foldText),
      texts: [i.text, ...other(translated.items, i.id)].map(foldText),
    })),
  ];
}

function exactMatch(header: string, c: Candidate): { via: MatchVia; confidence: number } | undefined {
  const folded = foldHeader(header);
  const raw = foldText(header);
  if (raw === c.id || folded === c.id) return { via: "id", confidence: 1 };
  // LimeSurvey "erv_ph1. Vraagtekst" and Qualtrics-style "erv_ph1 - Vraagtekst" headers start with the code.
  if (new RegExp(`^${c.id}(?:[.\\s:_-]|\\[)`).test(raw)) return { via: "id", confidence: 1 };
  if (c.names.includes(folded) || c.names.includes(raw)) return { via: "alias", confidence: 1 };
  if (c.texts.includes(folded) || c.texts.includes(raw)) return { via: "text", confidence: 1 };
  // Grid questions: "Blok [Vraagtekst]" (Google Forms) or "Vraagtekst - Blok" — the item text inside brackets.
  const bracket = /\[([^\]]+)\]\s*$/.exec(header);
  if (bracket?.[1] !== undefined && c.texts.includes(foldText(bracket[1])))
    return { via: "text", confidence: 0.95 };
  return undefined;
}

/**
 * A column for one choice of a multiple-choice item: LimeSurvey writes "code[SQ001]" (answer codes)
 * or "code[Nederlands]" (full answers).
 */
function optionColumn(header: string, instrument: Instrument): ColumnTarget | undefined {
  const m = /^\s*([a-z][a-z0-9_]*)\s*\[([^\]]+)\]\s*$/i.exec(header);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const item = instrument.items.find((i) => i.id === m[1]?.toLowerCase() && i.type === "multiple");
  const scale = instrument.scales.find((s) => s.id === item?.scale);
  if (!item || !scale) return undefined;
  const inner = m[2].trim();
  const sq = /^(?:sq)?0*(\d+)$/i.exec(inner);
  const code =
    sq?.[1] !== undefined
      ? Number(sq[1])
      : scale.labels.find((l) => foldText(l.label) === foldText(inner))?.code;
  if (code === undefined || !scale.labels.some((l) => l.code === code)) return undefined;
  return { kind: "item", item: item.id, option: code };
}

function similarity(header: string, c: Candidate): number {
  const folded = foldHeader(header);
  let best = 0;
  for (const t of [...c.texts, ...c.names]) {
    best = Math.max(best, wordSimilarity(folded, t), editSimilarity(folded, t));
  }
  return best;
}

/**
 * Proposes, for every column, what it is: an item, a context dimension, the export's metadata, or
 * something to ignore — with how sure the match is. Exact matches (id, alias, question text) are
 * taken; similar texts are only suggested, for a person to confirm in a mapping file.
 */
export function proposeMapping(
  headers: readonly string[],
  instrument: Instrument,
  roles: readonly (ColumnRole | undefined)[] = [],
): ColumnMapping[] {
  const all = candidates(instrument);
  const taken = new Set<string>();
  const result: ColumnMapping[] = headers.map((header, index) => {
    const role = roles[index];
    const option = optionColumn(header, instrument);
    if (option) return { index, header, target: option, confidence: 1, via: "id" };
    for (const c of all) {
      const hit = exactMatch(header, c);
      if (hit && !taken.has(c.id)) {
        taken.add(c.id);
        return { index, header, target: c.target, ...hit };
      }
    }
    if (role === "responseId")
      return { index, header, target: { kind: "meta", role: "responseId" }, confidence: 1, via: "export" };
    if (role === "timestamp")
      return { index, header, target: { kind: "meta", role: "submittedAt" }, confidence: 1, via: "export" };
    if (role === "email" || role === "name" || role === "ip" || identifierHeader.test(foldText(header)))
      return {
        index,
        header,
        target: { kind: "ignore", reason: "identifier" },
        confidence: 1,
        via: "export",
      };
    if (role === "meta")
      return {
        index,
        header,
        target: { kind: "ignore", reason: "toolMetadata" },
        confidence: 1,
        via: "export",
      };
    return { index, header, target: { kind: "ignore", reason: "unmapped" }, confidence: 0, via: "none" };
  });

  // Suggest the most similar free candidate for each unmapped column, best pairs first.
  const pairs: { column: ColumnMapping; c: Candidate; score: number }[] = [];
  for (const column of result) {
    if (column.via !== "none") continue;
    for (const c of all) {
      if (taken.has(c.id)) continue;
      const score = similarity(column.header, c);
      if (score >= suggestThreshold) pairs.push({ column, c, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const suggested = new Set<number>();
  for (const { column, c, score } of pairs) {
    if (suggested.has(column.index) || taken.has(c.id)) continue;
    suggested.add(column.index);
    taken.add(c.id);
    column.suggestion = { target: c.target, confidence: Math.round(score * 100) / 100 };
  }
  return result;
}
