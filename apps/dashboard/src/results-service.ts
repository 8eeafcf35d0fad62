import type { ChartTable } from "@zaz/charts";
import type { TopLevelSpec } from "vega-lite";

/**
 * One number as the dashboard may show it. Suppression has already happened in the service:
 * a suppressed cell carries no value at all, only the Dutch reason to show in its place.
 */
export type Cell =
  | { status: "shown"; n: number; value: number }
  | { status: "suppressed"; label: string }
  | { status: "empty"; label: string };

/** An entity of the store by id, with the name a user knows it by. */
export interface Labeled {
  id: string;
  name: string;
}

/** A headline number: response rate, change since the previous wave … */
export interface Fact {
  label: string;
  /** how the client formats the value: a share 0–1 as percent, a scale mean, a count */
  unit: "percent" | "mean" | "count" | "change";
  cell: Cell;
}

/** A chart as built on the server from a template; labels are data, never code. */
export interface ViewChart {
  id: string;
  title: string;
  spec: TopLevelSpec;
  table: ChartTable;
}

/** Open answers, present only when the group reached the free-text threshold. */
export interface FreeTextBlock {
  question: string;
  cell:
    | { status: "shown"; n: number; answers: string[] }
    | { status: "suppressed"; label: string }
    | { status: "empty"; label: string };
}

/** What every view has: a heading, headline numbers and charts with their tables. */
export interface ResultView {
  title: string;
  facts: Fact[];
  charts: ViewChart[];
}

export interface ClassOverview extends ResultView {
  school: Labeled;
  wave: Labeled;
  previousWave: Labeled | null;
  /** the groepen of the school in this wave, for links to their pages */
  groepen: Labeled[];
}

export interface GroepDetail extends ResultView {
  school: Labeled;
  wave: Labeled;
  groep: Labeled;
  freeText: FreeTextBlock[];
}

export interface BoardOverview extends ResultView {
  bestuur: Labeled;
  schools: Labeled[];
  waves: Labeled[];
}

export interface LeerlijnView extends ResultView {
  opleiding: Labeled;
}

export interface LeerlijnQuery {
  opleiding: string;
  cohort?: string;
  fase?: string;
  gesprekssoort?: string;
}

/** Whose filter options: one school, one board, or one opleiding. */
export type FilterScope = { school: string } | { bestuur: string } | { opleiding: string };

/** Choices for the filter controls of a view; empty lists where a dimension does not apply. */
export interface FilterOptions {
  /** the entity the options belong to */
  scope: Labeled;
  waves: Labeled[];
  groepen: Labeled[];
  schools: Labeled[];
  cohorts: Labeled[];
  fasen: Labeled[];
  gesprekssoorten: Labeled[];
}

/** Everything a user could be given access to, for the home page and a beheerder's choices. */
export interface Catalog {
  besturen: (Labeled & { schools: Labeled[] })[];
  opleidingen: Labeled[];
}

/**
 * The dashboard's only source of results. Implementations run the same analysis and suppression
 * as the CLI and return JSON-ready aggregates: never raw responses, never free text of a group
 * under the free-text threshold. `undefined` means "no such school/wave/groep/…" (404).
 */
export interface ResultsService {
  /** the school ids of a board: the server's scope check for leerteams */
  schoolsOf(bestuur: string): Promise<string[]>;
  /** all boards with their schools and all opleidingen; the server filters it per user */
  catalog(): Promise<Catalog>;
  filters(scope: FilterScope): Promise<FilterOptions | undefined>;
  classOverview(query: { school: string; wave: string }): Promise<ClassOverview | undefined>;
  groepDetail(query: { school: string; wave: string; groep: string }): Promise<GroepDetail | undefined>;
  boardOverview(query: { bestuur: string }): Promise<BoardOverview | undefined>;
  leerlijn(query: LeerlijnQuery): Promise<LeerlijnView | undefined>;
}
