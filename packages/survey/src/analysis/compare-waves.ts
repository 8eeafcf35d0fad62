import type { Instrument, Item, Problem, Result } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import type { DesignEffect } from "../stats/design-effect.js";
import { summarizeFrequencies } from "../stats/frequency-summary.js";
import { meanDifferenceInterval } from "../stats/mean-difference-interval.js";
import type { Cell } from "./cell.js";
import { clusterEffect, type Interval } from "./construct-stats.js";
import { clustersOf, type PrivacyNote, privacyNote } from "./construct-table.js";
import { type GroupData, type GroupedData, validValues } from "./group-data.js";
import { type GroupKey, type GroupLabel, type GroupPlan, groupLabel } from "./group-plan.js";
import { type InstrumentIndex, indexInstrument, scaleOf } from "./instrument-index.js";
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
import { buildRawTable } from "./raw-table.js";
import { joinShown, ruleFor, type SuppressedTable, suppressTable } from "./suppress.js";

export interface WaveOptions {
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
  /** Welch 95% interval, each wave's variance widened by its design effect where it spans groepen */
  readonly ci: Interval | null;
}

export interface WaveGroup {
  readonly key: GroupKey;
  readonly responses: { readonly previous: Cell<number>; readonly current: Cell<number> };
  /** n of a shown change: respondents with a score in the current wave (the value holds both waves' n) */
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
  readonly deff: DesignEffect | null;
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

const answered = (data: GroupedData, item: string) => validValues(data.total?.items[item]).length > 0;

/**
 * Each group's change from the previous wave to the current one, per construct and per item, only
 * for what is the same in both waves. Each wave is suppressed as its own table first; a change is
 * shown only where both waves' cells are shown. `plan` is the grouping within each wave (without
 * the wave); `current` and `previous` hold each wave's data, with item frequencies for the items.
 */
export function compareWaves(
  instrument: Instrument,
  plan: GroupPlan,
  current: GroupedData,
  previous: GroupedData,
  options: WaveOptions,
): Result<WaveComparison> {
  const privacy = options.privacy ?? defaultPrivacy;
  const waveId = options.waveDimension ?? "wave";
  const waveDim = instrument.dimensions.find((d) => d.id === waveId);
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
  else if (plan.by.some((b) => b.id === waveId) || plan.scope.some((l) => l.dimension === waveId))
    errors.push({ code: "analysis-dimension-twice", message: msg.waveInScope(waveDim.label), value: waveId });
  if (errors.length > 0 || waveDim === undefined) return fail(errors);
  for (const [value, d] of [
    [options.current, current],
    [options.previous, previous],
  ] as const)
    if ((d.total?.responses ?? 0) === 0)
      errors.push({
        code: "analysis-unknown-wave",
        message: msg.unknownWave(value, waveDim.label),
        value,
        path: "wave",
      });
  if (errors.length > 0) return fail(errors);

  const previousInstrument = options.previousInstrument ?? instrument;
  const index = indexInstrument(instrument);
  const prevIndex = indexInstrument(previousInstrument);
  const scaleItems = instrument.items.filter((i) => i.type === "scale");
  const items = scaleItems
    .filter((i) => sameItem(index, i, prevIndex, prevIndex.items.get(i.id)))
    .filter((i) => answered(current, i.id) && answered(previous, i.id))
    .map((i) => i.id);
  const constructs = instrument.constructs
    .filter((c) => {
      const mine = (index.constructItems.get(c.id) ?? []).map((i) => i.id).sort();
      const theirs = (prevIndex.constructItems.get(c.id) ?? []).map((i) => i.id).sort();
      return mine.length > 0 && mine.join() === theirs.join() && mine.every((id) => items.includes(id));
    })
    .map((c) => c.id);

  const columns = [...constructs.map((c) => `c:${c}`), ...items.map((i) => `i:${i}`)];
  const summarise = (data: GroupedData) => (group: GroupData, column: string, key: GroupKey) => {
    const isConstruct = column.startsWith("c:");
    const id = column.slice(2);
    const s = summarizeFrequencies(validValues(isConstruct ? group.constructs[id] : group.items[id]));
    const students = (isConstruct ? group.students?.constructs[id] : group.students?.items[id]) ?? null;
    return {
      responses: s?.n ?? 0,
      students: students ?? (group.students === null ? null : new Set<string>()),
      value:
        s === null
          ? null
          : {
              mean: s.mean,
              sd: s.sd,
              deff: isConstruct ? clusterEffect(clustersOf(data, key, plan), id) : null,
            },
    };
  };
  const rule = ruleFor(privacy, plan);
  const curTable = suppressTable(buildRawTable(plan, current, columns, summarise(current), "prefixed"), rule);
  const prevTable = suppressTable(
    buildRawTable(plan, previous, columns, summarise(previous), "prefixed"),
    rule,
  );

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
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, plan.studentDimension !== null),
    scope: plan.scope.filter((l) => l.dimension !== waveId),
    by: plan.by,
    previous: groupLabel(waveDim, options.previous),
    current: groupLabel(waveDim, options.current),
    constructs: constructs.map((id) => constructInfo(index, id)),
    items: items.map((id) => itemInfo(index, index.items.get(id)!)),
    notComparable: scaleItems.map((i) => i.id).filter((id) => !items.includes(id)),
    total: row(curTable.total, prevTable.total),
    groups: curTable.groups.map((g) => row(g, prevRows.get(keyOf(g.key)))),
  });
}

/** The change's n is the current wave's (the change is about the group as it is now). */
function waveChange(
  before: Summary,
  after: Summary,
  nBefore: number,
  nAfter: number,
): { n: number; value: WaveChange } {
  const effective = (n: number, s: Summary) => (s.deff !== null && s.deff.deff > 1 ? n / s.deff.deff : n);
  const interval =
    before.sd === null || after.sd === null
      ? null
      : meanDifferenceInterval(
          { mean: after.mean, sd: after.sd, n: effective(nAfter, after) },
          { mean: before.mean, sd: before.sd, n: effective(nBefore, before) },
        );
  return {
    n: nAfter,
    value: {
      previous: { n: nBefore, mean: before.mean },
      current: { n: nAfter, mean: after.mean },
      change: after.mean - before.mean,
      ci: interval === null ? null : { low: interval.low, high: interval.high, level: interval.level },
    },
  };
}
