import type { ChartTable } from "@zaz/charts";

/**
 * The one value every output renders: the CLI as text, HTML, CSV or JSON, the dashboard as JSON
 * and its pages. A view is computed once, from the store's aggregates, after suppression; nothing
 * in it can hold a value that suppression hid, because a hidden cell has no value field at all.
 */

/** The views: one per kind of question a user asks. */
export const ViewKind = {
  /** a director: one school, one wave, per groep */
  klassen: "klassen",
  /** a director: one groep of a school in one wave */
  groep: "groep",
  /** a leerteam: the schools of a board side by side and over waves */
  scholen: "scholen",
  /** a lecturer: the leerlijn of an opleiding, by phase and kind of conversation */
  leerlijn: "leerlijn",
  /** a student teacher: their own feedback over time */
  ontwikkeling: "ontwikkeling",
} as const;

export type ViewKind = (typeof ViewKind)[keyof typeof ViewKind];

export const viewKinds: readonly ViewKind[] = Object.values(ViewKind);

export function isViewKind(value: unknown): value is ViewKind {
  return typeof value === "string" && (viewKinds as readonly string[]).includes(value);
}

/** A number as shown: its Dutch text, the value and the n it rests on, and its 95% interval where it has one. */
export interface ShownCell {
  readonly status: "shown";
  /** what a person reads: "3,8 (12)", "62%", "+0,3 [0,0; +0,5]" */
  readonly text: string;
  readonly value: number;
  /** respondents (or answers, or students — the table's note says which) behind the value */
  readonly n: number;
  readonly low?: number;
  readonly high?: number;
  /** the longer explanation: the interval, the effect size, the items behind an average */
  readonly title?: string;
  /** rests on fewer than 10: a rough guide only */
  readonly small?: boolean;
}

/** A value not shown: why (fewer than k, hidden so a small group cannot be recovered) or that nobody answered. */
export interface HiddenCell {
  readonly status: "suppressed" | "empty";
  /** the short mark in a table: "< 5", "×", "–" */
  readonly text: string;
  /** the reason in words */
  readonly title: string;
}

export type Cell = ShownCell | HiddenCell;

/** What a table cell holds: a number cell, a plain text (a label, an item's wording, an answer) or nothing. */
export type CellValue = Cell | string | number | null;

export interface Column {
  readonly key: string;
  /** Dutch header */
  readonly title: string;
  readonly align?: "left" | "right";
  /** may be wrapped to fit the width (long texts); other columns keep their width */
  readonly wrap?: boolean;
}

export interface Table {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** explanations of abbreviations and marks used in the table */
  readonly notes?: readonly string[];
}

export interface Chart {
  readonly id: string;
  readonly title: string;
  /** what the chart shows, for screen readers */
  readonly description: string;
  /** a Vega-Lite spec; only already-suppressed data are in it */
  readonly spec: object;
  /** the chart's numbers, for "toon tabel" and CSV */
  readonly table: ChartTable;
}

export interface Section {
  readonly id: string;
  readonly heading: string;
  readonly intro?: string;
  readonly tables: readonly Table[];
  readonly charts: readonly Chart[];
}

/** A headline number (response rate, respondents …) with its n. */
export interface Fact {
  readonly id: string;
  readonly label: string;
  readonly cell: Cell;
}

/** An entity or choice the view is about, by id (for links) and by name (for people). */
export interface Labeled {
  readonly id: string;
  readonly name: string;
}

/** A related view one click away: a groep of the class overview, a school of the board. */
export interface ViewLink {
  readonly kind: ViewKind;
  readonly label: string;
  /** the view's parameters, by id */
  readonly params: Readonly<Record<string, string>>;
}

export interface View {
  readonly kind: ViewKind;
  readonly title: string;
  readonly subtitle: string;
  /** ISO 8601: when this view was computed */
  readonly generatedAt: string;
  /** the version of the stored data it was computed from */
  readonly dataVersion: number;
  readonly privacy: { readonly k: number; readonly kText: number };
  /** e.g. { school, wave, previousWave } */
  readonly about: Readonly<Record<string, Labeled>>;
  readonly links: readonly ViewLink[];
  readonly facts: readonly Fact[];
  readonly sections: readonly Section[];
  /** Dutch paragraphs on scores, intervals, reliability and suppression */
  readonly method: readonly { readonly heading: string; readonly text: string }[];
}
