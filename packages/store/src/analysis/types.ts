import type { MissingKind } from "@zaz/model";
import type { ContextFilter } from "../store.js";
import type { DerivedDimension } from "./derived-dimension.js";

/**
 * The analysis queries of the Store. Each returns small results — per group a handful of numbers,
 * or a frequency table — computed where the data are, so no caller ever holds every response of a
 * school or board. Suppression is the caller's work: these are raw aggregates, never for display.
 */

/** Which responses: those in the analysis tables of these stored instruments, filtered by context. */
export interface Selection {
  /** keys of stored instruments (StoredInstrument.key); where several share a construct id, the first defines it */
  readonly instruments: readonly number[];
  /** dimension id → the value (or one of the values) it must have; a table without the dimension matches nothing */
  readonly where?: ContextFilter;
  /** dimensions made from answers (e.g. home language), usable in grouping sets and `where` like context */
  readonly derived?: readonly DerivedDimension[];
}

/** Groups: each set lists the dimensions grouped by; [] is the selection's total. */
export type GroupingSets = readonly (readonly string[])[];

/** One group of a grouping set: the set's index, and its dimension values ("" where a response has none). */
export interface GroupRef {
  readonly set: number;
  readonly key: Readonly<Record<string, string>>;
}

export interface FrequencyRequest {
  readonly groupingSets: GroupingSets;
  /** construct ids: the frequency of every scale score in each group */
  readonly constructs?: readonly string[];
  /** item ids (not free text): every valid code and every kind of missing value */
  readonly items?: readonly string[];
  /** free-text item ids: how many responses were asked the item */
  readonly texts?: readonly string[];
}

/** How often a value occurs in a group. Exactly one of `value` and `missing` is set, except for counts. */
export interface Frequency {
  readonly value: number | null;
  readonly missing: MissingKind | null;
  readonly count: number;
}

/** A group's frequency tables. Scores and codes are exact, so means, SDs and medians follow exactly. */
export interface GroupFrequencies extends GroupRef {
  readonly responses: number;
  /** construct id → frequency of each scale score (respondents with a score) */
  readonly constructs: Readonly<Record<string, readonly Frequency[]>>;
  /**
   * item id → frequency of each code as answered (not reverse-scored) and of each kind of missing
   * value; for multiple choice, how many respondents chose each label
   */
  readonly items: Readonly<Record<string, readonly Frequency[]>>;
  /** multiple-choice item id → respondents with at least one valid choice */
  readonly chose: Readonly<Record<string, number>>;
  /** free-text item id → responses that were asked it */
  readonly asked: Readonly<Record<string, number>>;
}

export interface StudentRequest {
  readonly groupingSets: GroupingSets;
  /** the dimension holding the student's pseudonym */
  readonly student: string;
  readonly constructs?: readonly string[];
  readonly items?: readonly string[];
}

/** The distinct students behind a group's values, for suppression of feedback on student teachers. */
export interface GroupStudents extends GroupRef {
  readonly all: readonly string[];
  /** construct id → students of the respondents with a score */
  readonly constructs: Readonly<Record<string, readonly string[]>>;
  /** item id → students of the respondents with a valid answer */
  readonly items: Readonly<Record<string, readonly string[]>>;
}

/** Reliability of a scale over the responses that answered every one of `items` (listwise). */
export interface ReliabilityRequest {
  readonly construct: string;
  /** the items, in order; a response counts only where its instrument has them all in this construct */
  readonly items: readonly string[];
}

export interface ReliabilitySums {
  readonly construct: string;
  /** complete responses */
  readonly n: number;
  /** asked at least one item of the scale, but not complete */
  readonly excluded: number;
  /** Σ xᵢ over the complete responses, reverse-coded items flipped, in the order of `items` */
  readonly sums: readonly number[];
  /** Σ xᵢxⱼ, row by row for j ≥ i: (0,0), (0,1) … (0,k−1), (1,1) … */
  readonly products: readonly number[];
  /** distinct students of the complete responses, when a student dimension was given; else null */
  readonly students: readonly string[] | null;
}

export interface TextRequest {
  readonly items: readonly string[];
  /** the dimensions of the group, [] for the whole selection */
  readonly by: readonly string[];
  /** the groups to read (their values for `by`); only groups already cleared for free text */
  readonly groups: readonly Readonly<Record<string, string>>[];
  /** at most this many answers per group and item (the first, alphabetically) */
  readonly limit: number;
}

export interface GroupTexts {
  readonly key: Readonly<Record<string, string>>;
  readonly item: string;
  /** the non-empty answers, trimmed, at most `limit` */
  readonly texts: readonly string[];
  /** how many non-empty answers there are */
  readonly total: number;
}

/** Distinct combinations of dimension values in a selection, with their number of responses. */
export interface ValueCount {
  readonly values: Readonly<Record<string, string>>;
  readonly responses: number;
}

export interface AnalysisQueries {
  frequencies(selection: Selection, request: FrequencyRequest): Promise<GroupFrequencies[]>;
  students(selection: Selection, request: StudentRequest): Promise<GroupStudents[]>;
  /** `student`: the dimension of the student's pseudonym, for feedback on student teachers */
  reliability(
    selection: Selection,
    requests: readonly ReliabilityRequest[],
    student?: string,
  ): Promise<ReliabilitySums[]>;
  texts(selection: Selection, request: TextRequest): Promise<GroupTexts[]>;
  /** combinations of the dimensions' values ("" where missing) with their counts */
  values(selection: Selection, dimensions: readonly string[]): Promise<ValueCount[]>;
  /** instrument key → responses, for the instruments in `selection` that have any */
  instrumentsIn(selection: Selection): Promise<Map<number, number>>;
}
