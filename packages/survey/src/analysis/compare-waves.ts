import type { Instrument, Item, Problem, Result, SurveyResponse } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { mean, sd } from "../stats/descriptives.js";
import { meanDifferenceInterval } from "../stats/mean-difference-interval.js";
import { type PrivacyNote, privacyNote } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import { constructScores, type Interval } from "./construct-stats.js";
import {
  type GroupingRequest,
  type GroupKey,
  type GroupLabel,
  type Partition,
  partition,
  valueLabel,
} from "./grouping.js";
import { type InstrumentIndex, indexInstrument, scaleOf } from "./instrument-index.js";
import { itemAnswer } from "./item-stats.js";
import {
  type ConstructInfo,
  constructInfo,
  type InstrumentLabel,
  type ItemInfo,
  instrumentLabel,
  itemInfo,
} from "./labels.js";
import { analysisMessages as msg } from "./messages.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import { buildRawTable, type ColumnValue } from "./raw-table.js";
import { joinShown, ruleFor, type SuppressedTable, suppressTable } from "./suppress.js";

export interface WaveOptions extends GroupingRequest {
  /** the context dimension holding the wave; "wave" by default */
  readonly waveDimension?: string;
  readonly current: string;
  readonly previous: string;
  /** the instrument the previous wave was taken with, when it differs (items are matched by id) */
  readonly previousInstrument?: Instrument;
  readonly privacy?: PrivacySettings;
}

export interface WaveMean {
  readonly n: number;
  readonly mean: number;
}

/** Change from the previous wave to the current one: current − previous, with a 95% Welch interval. */
export interface WaveChange {
  readonly previous: WaveMean;
  readonly current: WaveMean;
  readonly change: number;
  readonly ci: Interval | null;
}

export interface WaveGroup {
  readonly key: GroupKey;
  readonly responses: { readonly previous: Cell<number>; readonly current: Cell<number> };
  readonly constructs: Readonly<Record<string, Cell<WaveChange>>>;
  readonly items: Readonly<Record<string, Cell<WaveChange>>>;
}

export interface WaveComparison {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly previous: GroupLabel;
  readonly current: GroupLabel;
  /** constructs whose items are the same in both waves */
  readonly constructs: readonly ConstructInfo[];
  /** scale items that are the same in both waves (same id, scale codes and reverse-coding) and answered in both */
  readonly items: readonly ItemInfo[];
  /** scale items of the current instrument left out because they differ or were not answered in one wave */
  readonly notComparable: readonly string[];
  readonly total: WaveGroup;
  readonly groups: readonly WaveGroup[];
}

interface Summary {
  readonly mean: number;
  readonly sd: number | null;
}

function sameItem(index: InstrumentIndex, a: Item, prevIndex: InstrumentIndex, b: Item | undefined): boolean {
  if (b === undefined || a.type !== "scale" || b.type !== "scale" || a.reverse !== b.reverse) return false;
  const sa = scaleOf(index, a);
  const sb = scaleOf(prevIndex, b);
  if (sa === undefined || sb === undefined) return false;
  const codes = (s: typeof sa) =>
    s.labels
      .map((l) => l.code)
      .sort((x, y) => x - y)
      .join(",");
  return codes(sa) === codes(sb);
}

function itemSummary(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  itemId: string,
): ColumnValue<Summary> {
  const item = index.items.get(itemId)!;
  const contributors: SurveyResponse[] = [];
  const values: number[] = [];
  for (const r of responses) {
    const code = itemAnswer(item, index, r)?.codes[0];
    if (code === undefined) continue;
    contributors.push(r);
    values.push(code);
  }
  const m = mean(values);
  return { contributors, value: m === null ? null : { mean: m, sd: sd(values) } };
}

function constructSummary(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  id: string,
): ColumnValue<Summary> {
  const { contributors, scores } = constructScores(index, responses, id);
  const m = mean(scores);
  return { contributors, value: m === null ? null : { mean: m, sd: sd(scores) } };
}

/**
 * Each group's change from the previous wave to the current one, per construct and per item, only
 * for what is the same in both waves. Each wave is suppressed as its own table first; a change is
 * shown only where both waves' cells are shown.
 */
export function compareWaves(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: WaveOptions,
): Result<WaveComparison> {
  const privacy = options.privacy ?? defaultPrivacy;
  const waveId = options.waveDimension ?? "wave";
  const waveDim = instrument.dimensions.find((d) => d.id === waveId);
  const scope = options.scope ?? {};
  const by = options.by ?? [];
  const errors: Problem[] = [];
  if (waveDim === undefined)
    errors.push({
      code: "analysis-unknown-dimension",
      message: msg.unknownDimension(
        waveId,
        instrument.dimensions.map((d) => d.id),
      ),
      value: waveId,
    });
  else if (waveId in scope || by.includes(waveId))
    errors.push({ code: "analysis-dimension-twice", message: msg.waveInScope(waveDim.label), value: waveId });
  if (errors.length > 0 || waveDim === undefined) return fail(errors);
  const previousInstrument = options.previousInstrument ?? instrument;
  const cur = partition(instrument, responses, { scope: { ...scope, [waveId]: options.current }, by });
  const prev = partition(previousInstrument, responses, {
    scope: { ...scope, [waveId]: options.previous },
    by,
  });
  if (!cur.ok) return cur;
  if (!prev.ok) return prev;
  for (const [value, p] of [
    [options.current, cur.value],
    [options.previous, prev.value],
  ] as const)
    if (p.total.length === 0)
      errors.push({
        code: "analysis-unknown-wave",
        message: msg.unknownWave(value, waveDim.label),
        value,
        path: "wave",
      });
  if (errors.length > 0) return fail(errors);

  const index = indexInstrument(instrument);
  const prevIndex = indexInstrument(previousInstrument);
  const answered = (ix: InstrumentIndex, p: Partition, id: string) =>
    itemSummary(ix, p.total, id).contributors.length > 0;
  const scaleItems = instrument.items.filter((i) => i.type === "scale");
  const items = scaleItems
    .filter((i) => sameItem(index, i, prevIndex, prevIndex.items.get(i.id)))
    .filter((i) => answered(index, cur.value, i.id) && answered(prevIndex, prev.value, i.id))
    .map((i) => i.id);
  const constructs = instrument.constructs
    .filter((c) => {
      const mine = (index.constructItems.get(c.id) ?? []).map((i) => i.id).sort();
      const theirs = (prevIndex.constructItems.get(c.id) ?? []).map((i) => i.id).sort();
      return mine.length > 0 && mine.join() === theirs.join() && mine.every((id) => items.includes(id));
    })
    .map((c) => c.id);

  const columns = [...constructs.map((c) => `c:${c}`), ...items.map((i) => `i:${i}`)];
  const summarise = (ix: InstrumentIndex) => (rs: readonly SurveyResponse[], column: string) =>
    column.startsWith("c:")
      ? constructSummary(ix, rs, column.slice(2))
      : itemSummary(ix, rs, column.slice(2));
  const rule = ruleFor(privacy, cur.value);
  const curTable = suppressTable(buildRawTable(cur.value, columns, summarise(index)), rule);
  const prevTable = suppressTable(buildRawTable(prev.value, columns, summarise(prevIndex)), rule);

  const keyOf = (key: GroupKey) => key.map((l) => l.code).join("\u0000");
  const prevRows = new Map(prevTable.groups.map((g) => [keyOf(g.key), g]));
  const empty: Cell<never> = { status: "empty", label: msg.empty };
  type Row = SuppressedTable<Summary>["total"];
  const row = (after: Row, before: Row | undefined): WaveGroup => {
    const change = (column: string) =>
      joinShown(before?.cells[column] ?? empty, after.cells[column] ?? empty, waveChange);
    return {
      key: after.key,
      responses: { previous: before?.responses ?? empty, current: after.responses },
      constructs: Object.fromEntries(constructs.map((id) => [id, change(`c:${id}`)])),
      items: Object.fromEntries(items.map((id) => [id, change(`i:${id}`)])),
    };
  };
  const label = (code: string): GroupLabel => ({
    dimension: waveId,
    dimensionLabel: waveDim.label,
    code,
    label: valueLabel(waveDim, code),
  });
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, cur.value.studentDimension !== null),
    scope: cur.value.scope.filter((l) => l.dimension !== waveId),
    by: cur.value.by,
    previous: label(options.previous),
    current: label(options.current),
    constructs: constructs.map((id) => constructInfo(index, id)),
    items: items.map((id) => itemInfo(index, index.items.get(id)!)),
    notComparable: scaleItems.map((i) => i.id).filter((id) => !items.includes(id)),
    total: row(curTable.total, prevTable.total),
    groups: curTable.groups.map((g) => row(g, prevRows.get(keyOf(g.key)))),
  });
}

function waveChange(before: Summary, after: Summary, nBefore: number, nAfter: number): WaveChange {
  const interval =
    before.sd === null || after.sd === null
      ? null
      : meanDifferenceInterval(
          { mean: after.mean, sd: after.sd, n: nAfter },
          { mean: before.mean, sd: before.sd, n: nBefore },
        );
  return {
    previous: { n: nBefore, mean: before.mean },
    current: { n: nAfter, mean: after.mean },
    change: after.mean - before.mean,
    ci: interval === null ? null : { low: interval.low, high: interval.high, level: interval.level },
  };
}
