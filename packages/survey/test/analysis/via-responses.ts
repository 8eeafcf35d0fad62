import type { Instrument, Result, SurveyResponse } from "@zaz/model";
import { fail } from "@zaz/model";
import {
  type ConstructTable,
  type ConstructTableOptions,
  compareToParent as compareFinished,
  compareWaves as compareWavesFinished,
  constructTable,
  filterIsSafe as filterFinished,
  type GroupingRequest,
  type ItemTable,
  itemsFor,
  type JaTable,
  jaShares as jaFinished,
  jaItems,
  type OpenAnswerTable,
  openAnswers as openFinished,
  type ParentComparison,
  type PrivacySettings,
  planGroups,
  type ReliabilityReport,
  constructReliability as reliabilityFinished,
  summariseItems as summariseFinished,
  summaryItems,
  type WaveComparison,
  type WaveOptions,
} from "../../src/index.js";
import { referenceData, referenceReliability } from "./reference-aggregates.js";

// The analysis as the tests knew it — responses in, tables out — built from the reference
// aggregates and the package's finishing functions, so each test checks the same numbers as before.

const constructIds = (instrument: Instrument, ids?: readonly string[]) =>
  ids ?? instrument.constructs.map((c) => c.id);

export function aggregateConstructs(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & ConstructTableOptions & { clusters?: readonly string[] } = {},
): Result<ConstructTable> {
  const plan = planGroups(instrument, options);
  if (!plan.ok) return plan;
  const data = referenceData(instrument, responses, plan.value, {
    constructs: constructIds(instrument, options.constructs).filter((c) =>
      instrument.constructs.some((x) => x.id === c),
    ),
    ...(options.clusters === undefined ? {} : { clusters: options.clusters }),
  });
  return constructTable(instrument, plan.value, data, options);
}

export function summariseItems(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & { items?: readonly string[]; privacy?: PrivacySettings } = {},
): Result<ItemTable> {
  const plan = planGroups(instrument, options);
  if (!plan.ok) return plan;
  const items = itemsFor(instrument, options.items, summaryItems);
  if (!items.ok) return items;
  return summariseFinished(
    instrument,
    plan.value,
    referenceData(instrument, responses, plan.value, { items: items.value }),
    options,
  );
}

export function jaShares(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & { items?: readonly string[]; privacy?: PrivacySettings } = {},
): Result<JaTable> {
  const plan = planGroups(instrument, options);
  if (!plan.ok) return plan;
  const items = itemsFor(instrument, options.items, jaItems);
  if (!items.ok) return items;
  return jaFinished(
    instrument,
    plan.value,
    referenceData(instrument, responses, plan.value, { items: items.value }),
    options,
  );
}

export async function openAnswers(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & { items?: readonly string[]; privacy?: PrivacySettings } = {},
): Promise<Result<OpenAnswerTable>> {
  const plan = planGroups(instrument, options);
  if (!plan.ok) return plan;
  const texts = itemsFor(instrument, options.items, { eligible: (i) => i.type === "text" });
  if (!texts.ok) return texts;
  const scoped = responses.filter((r) =>
    plan.value.scope.every((l) => (r.context[l.dimension] ?? "") === l.code),
  );
  return openFinished(
    instrument,
    plan.value,
    referenceData(instrument, responses, plan.value, { texts: texts.value }),
    options,
    async (groups, items) =>
      groups.flatMap((key) =>
        items.map((item) => {
          const found = scoped
            .filter((r) => Object.entries(key).every(([d, v]) => (r.context[d] ?? "") === v))
            .flatMap((r) =>
              r.answers
                .filter((a) => a.item === item && a.text !== null && a.text.trim() !== "")
                .map((a) => a.text!.trim()),
            )
            .sort(new Intl.Collator("nl").compare);
          return { key, item, texts: found, total: found.length };
        }),
      ),
  );
}

export function constructReliability(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: { scope?: Record<string, string>; constructs?: readonly string[]; privacy?: PrivacySettings } = {},
): Result<ReliabilityReport> {
  const plan = planGroups(instrument, { scope: options.scope ?? {} });
  if (!plan.ok) return plan;
  const sums = constructIds(instrument, options.constructs).map((c) =>
    referenceReliability(instrument, responses, plan.value, c),
  );
  return reliabilityFinished(instrument, plan.value, sums, options);
}

export function compareToParent(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & { constructs?: readonly string[]; privacy?: PrivacySettings },
): Result<ParentComparison> {
  const plan = planGroups(instrument, options);
  if (!plan.ok) return plan;
  return compareFinished(
    instrument,
    plan.value,
    referenceData(instrument, responses, plan.value, {
      constructs: constructIds(instrument, options.constructs),
    }),
    options,
  );
}

export function compareWaves(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & WaveOptions,
): Result<WaveComparison> {
  const waveId = options.waveDimension ?? "wave";
  if (options.by?.includes(waveId) || (options.scope !== undefined && waveId in options.scope))
    return compareWavesFinished(
      instrument,
      {
        scope: [],
        by: [{ id: waveId, label: waveId }],
        byDimensions: [],
        studentDimension: null,
        groupingSets: [[]],
      },
      { total: undefined, groups: [] },
      { total: undefined, groups: [] },
      options,
    );
  const plan = planGroups(instrument, options);
  if (!plan.ok) return plan;
  const previousInstrument = options.previousInstrument ?? instrument;
  const of = (inst: Instrument, wave: string) =>
    referenceData(
      inst,
      responses.filter((r) => r.context[waveId] === wave),
      plan.value,
      {
        constructs: inst.constructs.map((c) => c.id),
        items: inst.items.filter((i) => i.type === "scale").map((i) => i.id),
      },
    );
  if (!instrument.dimensions.some((d) => d.id === waveId))
    return fail([{ code: "analysis-unknown-dimension", message: `unknown ${waveId}` }]);
  return compareWavesFinished(
    instrument,
    plan.value,
    of(instrument, options.current),
    of(previousInstrument, options.previous),
    options,
  );
}

export function filterIsSafe(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  filters: Readonly<Record<string, string>>,
  privacy: PrivacySettings,
): boolean {
  const student = instrument.dimensions.find((d) => d.id === "student" || d.pseudonymise)?.id ?? null;
  const dims = [
    ...Object.keys(filters),
    ...(student === null || instrument.purpose !== "ontwikkeling" ? [] : [student]),
  ];
  const counts = new Map<string, { values: Record<string, string>; responses: number }>();
  for (const r of responses) {
    const values = Object.fromEntries(dims.map((d) => [d, r.context[d] ?? ""]));
    const key = JSON.stringify(values);
    const c = counts.get(key) ?? { values, responses: 0 };
    c.responses++;
    counts.set(key, c);
  }
  return filterFinished(
    [...counts.values()],
    filters,
    privacy,
    instrument.purpose === "ontwikkeling" ? student : null,
  );
}
