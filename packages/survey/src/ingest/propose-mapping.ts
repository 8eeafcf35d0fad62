import { type Instrument, translatedHeaders } from "@zaz/model";
import type { ColumnTarget } from "./column-target.js";
import { foldHeader, foldText } from "./normalise-text.js";
import { repeatedHeaders } from "./repeated-headers.js";
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
export type ColumnRole =
  | "timestamp"
  | "responseId"
  | "email"
  | "name"
  | "ip"
  | "meta"
  /** whether the row is a real, finished response: read by rowExclusion, not stored */
  | "responseType"
  | "finished"
  | "progress";

interface Candidate {
  target: ColumnTarget;
  id: string;
  names: string[];
  texts: string[];
}

const identifierHeader =
  /(^|\b)(e-?mail(adres)?|email address|naam|name|voornaam|achternaam|ip[- ]?(adres|address)|telefoon(nummer)?|phone)(\b|$)/;
/** How sure a match of a repeated header is: by the order of the columns and the items. */
const repeatedConfidence = 0.9;
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

function exactMatch(
  header: string,
  c: Candidate,
  strict: boolean,
): { via: MatchVia; confidence: number } | undefined {
  const folded = foldHeader(header);
  const raw = foldText(header);
  if (raw === c.id || folded === c.id) return { via: "id", confidence: 1 };
  if (c.names.includes(folded) || c.names.includes(raw)) return { via: "alias", confidence: 1 };
  if (c.texts.includes(folded) || c.texts.includes(raw)) return { via: "text", confidence: 1 };
  // The heuristics below only count when no candidate matches the header exactly.
  if (strict) return undefined;
  // LimeSurvey "erv_ph1. Vraagtekst" and Qualtrics-style "erv_ph1 - Vraagtekst" headers start with the code.
  if (new RegExp(`^${escapeRegExp(c.id)}(?:[.\\s:_-]|\\[)`).test(raw)) return { via: "id", confidence: 1 };
  // Grid questions: "Blok [Vraagtekst]" (Google Forms) or "Vraagtekst - Blok" — the item text inside brackets.
  const bracket = /\[([^\]]+)\]\s*$/.exec(header);
  if (bracket?.[1] !== undefined && c.texts.includes(foldText(bracket[1])))
    return { via: "text", confidence: 0.95 };
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Ids, aliases and question texts of the choice items, folded, to find their per-choice columns. */
function choiceItems(instrument: Instrument, all: readonly Candidate[]) {
  return instrument.items
    .filter((i) => i.type === "multiple" || i.type === "single")
    .map((item) => {
      const c = all.find((x) => x.target.kind === "item" && x.id === item.id);
      const scale = instrument.scales.find((s) => s.id === item.scale);
      return { item, scale, names: c?.names ?? [item.id], texts: c?.texts ?? [] };
    })
    .filter((x) => x.scale !== undefined);
}

const otherWords = new Set(["other", "anders", "overig"]);

/** A choice column of a known item whose choice the list lacks: not the whole item, left for review. */
const unknownChoice = { target: { kind: "ignore", reason: "unmapped" }, via: "none" } as const;

/**
 * A column for one choice of a multiple-choice item, or for the text typed beside its "Anders":
 * LimeSurvey "code[SQ001]", "code[Nederlands]" and "code[other]"; Qualtrics "Q5_1" and the text
 * entry "Q5_4_TEXT"; Microsoft Forms, Qualtrics and SurveyMonkey "Vraag - Keuze". The item is
 * named by its id or an alias (LimeSurvey and Qualtrics question codes), or by its text.
 */
function optionColumn(
  header: string,
  items: ReturnType<typeof choiceItems>,
): { target: ColumnTarget; via: MatchVia } | undefined {
  const named = (name: string) => {
    const folded = foldText(name);
    return items.find((x) => x.names.includes(folded));
  };
  const choice = (x: (typeof items)[number], inner: string): ColumnTarget | undefined => {
    const labels = x.scale?.labels ?? [];
    const sq = /^(?:sq|a)?0*(\d+)$/i.exec(inner.trim());
    const code =
      sq?.[1] !== undefined
        ? Number(sq[1])
        : labels.find((l) => [l.label, ...l.aliases].some((t) => foldText(t) === foldText(inner)))?.code;
    if (code === undefined || !labels.some((l) => l.code === code)) return undefined;
    return { kind: "item", item: x.item.id, option: code };
  };
  const bracket = /^\s*([^[\]]+?)\s*\[([^\]]+)\]\s*$/.exec(header);
  if (bracket?.[1] !== undefined && bracket[2] !== undefined) {
    const x = named(bracket[1]);
    if (x === undefined) return undefined;
    if (otherWords.has(foldText(bracket[2])))
      return { target: { kind: "item", item: x.item.id, other: true }, via: "id" };
    if (x.item.type !== "multiple") return undefined;
    const target = choice(x, bracket[2]);
    return target ? { target, via: "id" } : unknownChoice;
  }
  const qualtrics = /^\s*(.+?)_(\d+)(_text)?\s*$/i.exec(header);
  if (qualtrics?.[1] !== undefined && qualtrics[2] !== undefined) {
    const x = named(qualtrics[1]);
    if (x !== undefined) {
      const target = choice(x, qualtrics[2]);
      if (target?.kind !== "item") return x.item.type === "multiple" ? unknownChoice : undefined;
      if (qualtrics[3] !== undefined) {
        // "Q5_4_TEXT": the text entry of choice 4, when that is the "Anders" choice.
        const label = x.scale?.labels.find((l) => l.code === target.option)?.label ?? "";
        return otherWords.has(foldText(label))
          ? { target: { kind: "item", item: x.item.id, other: true }, via: "id" }
          : undefined;
      }
      return x.item.type === "multiple" ? { target, via: "id" } : undefined;
    }
  }
  // "Vraag - Keuze": the question's text (or code) and one of its choices.
  const dash = header.lastIndexOf(" - ");
  if (dash > 0) {
    const question = foldHeader(header.slice(0, dash));
    const x = items.find(
      (i) => i.item.type === "multiple" && (i.texts.includes(question) || i.names.includes(question)),
    );
    const target = x && choice(x, header.slice(dash + 3));
    if (target) return { target, via: "text" };
  }
  return undefined;
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
  const choices = choiceItems(instrument, all);
  const taken = new Set<string>();
  // Exact ids, aliases and texts first, over all columns: a heuristic match (a code prefix, a
  // bracket) must not take an item another column names exactly.
  const repeated = new Set(repeatedHeaders(headers).flatMap((r) => r.indexes));
  const strict = headers.map((header, index) => {
    for (const c of all) {
      const hit = exactMatch(header, c, true);
      if (hit && !taken.has(c.id)) {
        taken.add(c.id);
        // A repeated header goes to the items with that text in their order: to be checked.
        return {
          target: c.target,
          ...hit,
          ...(repeated.has(index) ? { confidence: repeatedConfidence } : {}),
        };
      }
    }
    return undefined;
  });
  const result: ColumnMapping[] = headers.map((header, index) => {
    const exact = strict[index];
    if (exact) return { index, header, ...exact };
    const role = roles[index];
    const option = optionColumn(header, choices);
    if (option) return { index, header, target: option.target, confidence: 1, via: option.via };
    for (const c of all) {
      const hit = exactMatch(header, c, false);
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
    // Status, Finished and Progress decide which rows are imported (rowExclusion); not stored.
    if (role === "meta" || role === "responseType" || role === "finished" || role === "progress")
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
