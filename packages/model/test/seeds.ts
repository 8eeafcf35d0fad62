import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Instrument, parseInstrumentText } from "@zaz/model";

/** The repository root, found from this file so the tests run from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The seeds live beside the repository (in CI the repo is cloned next to shared/). */
export const seedsDir = resolve(repoRoot, "../shared/seeds");

export const seedFiles = {
  hgw: "000_31ac6befda6fd18e.txt",
  kwaliteitskaart: "001_79c5c3af51d51a72.txt",
  samenZijnWijSchool: "002_c865b05cb7cc5c79.txt",
  leerlijn: "003_3c1ca447b4dc5c04.txt",
  handboek: "004_53c81d8e0e05dc3b.txt",
} as const;

export function readSeed(name: keyof typeof seedFiles): string {
  return readFileSync(resolve(seedsDir, seedFiles[name]), "utf8");
}

/**
 * Reduces text to a form in which the seed's extraction artefacts no longer matter: bullets and
 * list markers go, a word hyphenated across a line break is joined ("bren-\ngen" → "brengen"), and
 * all whitespace goes (line breaks, tabs and double spaces fall wherever the PDF put them).
 */
export function squash(text: string): string {
  return text
    .replace(/[•►\uFFFD]/g, "")
    .replace(/(\p{Ll})-[ \t]*\r?\n\s*(?=\p{Ll})/gu, "$1")
    .replace(/\s+/g, "");
}

/** Whether a text occurs in a seed passage, modulo the extraction artefacts. */
export function occursIn(passage: string, text: string): boolean {
  return squash(passage).includes(squash(text));
}

/** The passage of a seed from a line matching `start` up to (not including) the first match of `end` after it. */
export function passage(seed: string, start: RegExp, end: RegExp): string {
  const from = seed.search(start);
  if (from < 0) throw new Error(`begin van passage niet gevonden: ${start}`);
  const rest = seed.slice(from + 1);
  const to = rest.search(end);
  return seed.slice(from, to < 0 ? undefined : from + 1 + to);
}

/** Splits a quoted description into sentences, so quotes that skip text between sentences can be checked. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.?!])\s+(?=[A-Z‘“])/).filter((s) => s.trim() !== "");
}

export function loadInstrument(id: string): Instrument {
  const file = resolve(repoRoot, "data/instrumenten", `${id}.json`);
  const result = parseInstrumentText(readFileSync(file, "utf8"), file);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.value;
}

export function readInstrumentData(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(repoRoot, "data/instrumenten", `${id}.json`), "utf8")) as Record<
    string,
    unknown
  >;
}
