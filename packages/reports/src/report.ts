import type { ChartTable } from "@zaz/charts";
import type { Column } from "./table.js";

/** The four reports: one per kind of user. */
export const ReportKind = {
  klassen: "klassen",
  scholen: "scholen",
  leerlijn: "leerlijn",
  ontwikkeling: "ontwikkeling",
} as const;
export type ReportKind = (typeof ReportKind)[keyof typeof ReportKind];

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === "string" && (Object.values(ReportKind) as string[]).includes(value);
}

/**
 * One cell of a report table. `text` is what a person reads ("3,8", "< 5", "–"); a shown number
 * also carries its value and the n it rests on; a hidden one says why.
 */
export interface ReportCell {
  text: string;
  value?: number | string;
  n?: number;
  status?: "shown" | "suppressed" | "empty";
  /** the longer explanation, e.g. "minder dan 5 respondenten" or "95%-interval 3,4–4,1" */
  title?: string;
}

export type ReportValue = ReportCell | string | number | null;

export interface ReportTable {
  id: string;
  caption: string;
  columns: readonly Column[];
  rows: readonly Record<string, ReportValue>[];
  /** explanations of abbreviations and marks used in the table */
  notes?: readonly string[];
}

export interface ReportChart {
  id: string;
  title: string;
  description: string;
  /** a Vega-Lite spec; only already-suppressed data are in it */
  spec: object;
  table: ChartTable;
}

export interface ReportSection {
  id: string;
  heading: string;
  intro?: string;
  tables: readonly ReportTable[];
  charts: readonly ReportChart[];
}

export interface Report {
  kind: ReportKind;
  title: string;
  subtitle: string;
  generatedAt: string;
  privacy: { k: number; kText: number };
  sections: readonly ReportSection[];
  /** Dutch paragraphs on scores, intervals, reliability and suppression */
  method: readonly { heading: string; text: string }[];
}

export function cellText(value: ReportValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatNumber(value);
  if (typeof value === "string") return value;
  return value.text;
}

/** Dutch number: decimal comma, always `decimals` places (a mean of 3 reads "3,0"). */
export function formatNumber(value: number, decimals = 1): string {
  const text = value.toFixed(decimals);
  // -0.0 is not a number anyone wrote; it comes from rounding a tiny negative.
  return (/^-0(\.0+)?$/.test(text) ? text.slice(1) : text).replace(".", ",");
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
