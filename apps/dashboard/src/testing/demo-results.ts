import { join } from "node:path";
import {
  type Answer,
  EntityKind,
  type Instrument,
  type InstrumentInput,
  instrumentSchema,
  type MissingKind,
  type SurveyResponse,
} from "@zaz/model";
import { openDuckDbStore, type RosterEntry, type Store } from "@zaz/store";
import { defaultInstrumentDir, loadInstrumentFile, privacySettings } from "@zaz/survey";
import { StoreResultsService } from "../store-results-service.js";
import { type DemoFixture, demoFixture } from "./demo-fixture.js";

/** A results service over a real in-memory store, filled with generated responses for a fixture. */
export interface DemoResults {
  service: StoreResultsService;
  store: Store;
  fixture: DemoFixture;
  close(): Promise<void>;
}

/** mulberry32: the same data on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function instrument(file: string): Promise<Instrument> {
  const loaded = await loadInstrumentFile(join(defaultInstrumentDir(), file));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join("; ")}`);
  return loaded.value.instrument;
}

/** The school's own copy of the parent survey: its groepen, the fixture's item texts and question. */
function schoolInstrument(
  base: Instrument,
  fixture: DemoFixture,
  groepen: readonly { id: string; name: string }[],
): Instrument {
  let n = 0;
  return instrumentSchema.parse({
    ...(base as unknown as InstrumentInput),
    dimensions: base.dimensions.map((d) =>
      d.id === "groep"
        ? { ...d, type: "enum", values: groepen.map((g) => ({ code: g.id, label: g.name, aliases: [] })) }
        : d,
    ),
    items: base.items.map((item) => {
      if (item.type === "text") return { ...item, text: fixture.freeTextQuestion };
      if (item.type !== "scale") return item;
      const text = fixture.items[n++ % fixture.items.length]?.name ?? item.text;
      return { ...item, text };
    }),
  } as InstrumentInput);
}

function studentInstrument(base: Instrument, fixture: DemoFixture): Instrument {
  return instrumentSchema.parse({
    ...(base as unknown as InstrumentInput),
    dimensions: base.dimensions.map((d) =>
      d.id === "opleiding"
        ? {
            ...d,
            values: fixture.opleidingen.map((o) => ({
              code: o.id.replaceAll("-", "_"),
              label: o.name,
              aliases: [],
            })),
          }
        : d,
    ),
  } as InstrumentInput);
}

function answers(instrument: Instrument, next: () => number, context: Record<string, string>): Answer[] {
  const out: Answer[] = [];
  for (const item of instrument.items) {
    const scale = instrument.scales.find((s) => s.id === item.scale);
    const section = instrument.sections.find((s) => s.id === item.section);
    const when = section?.appliesWhen;
    if (when !== undefined && !when.values.includes(context[when.dimension] ?? "")) continue;
    if (scale === undefined || item.type === "text") continue;
    if (next() < 0.06) {
      out.push({
        item: item.id,
        code: null,
        text: null,
        missing: (scale.missing[0]?.kind ?? "leeg") as MissingKind,
      });
      continue;
    }
    const labels = scale.labels;
    // a little above the middle on average, more so in later waves (as schools improve)
    const index = Math.min(labels.length - 1, Math.floor((next() * 0.7 + 0.3) * labels.length));
    out.push({ item: item.id, code: labels[index]!.code, text: null, missing: null });
  }
  return out;
}

/**
 * The demo fixture as stored data: every school answers its own copy of the parent survey in every
 * wave (groepen of 3 to 14, so suppression has work to do; the first groep of the first school
 * large enough for free text, with every fixture answer once), a roster, and observations and
 * opleidingsouders feedback for every opleiding. Names, item texts and answers come from the fixture,
 * so tests can put payloads in them.
 */
export async function demoResults(fixture: DemoFixture = demoFixture()): Promise<DemoResults> {
  const store = await openDuckDbStore(":memory:");
  const next = random(20250401);
  const parent = await instrument("ouderpopulatie.json");
  const roster: RosterEntry[] = [];
  let imports = 0;
  let keys = 0;
  // The fixture's ids are the registry's: responses and the roster hold them, names are labels.
  await store.registry.add([
    ...fixture.besturen.map((b) => ({
      id: b.id,
      kind: EntityKind.bestuur,
      name: b.name,
      bestuur: null,
      brin: null,
    })),
    ...fixture.besturen.flatMap((b) =>
      b.schools.map((school) => ({
        id: school.id,
        kind: EntityKind.school,
        name: school.name,
        bestuur: b.id,
        brin: null,
      })),
    ),
  ]);
  const load = async (instrument: Instrument, responses: SurveyResponse[]) => {
    imports++;
    await store.importResponses(
      {
        id: `demo-${imports}`,
        fileName: `demo-${imports}.csv`,
        instrument,
        profile: "demo",
        context: {},
        rowsRead: responses.length,
      },
      responses,
    );
  };
  for (const bestuur of fixture.besturen) {
    for (const [si, school] of bestuur.schools.entries()) {
      const own = schoolInstrument(parent, fixture, school.groepen);
      for (const [wi, wave] of fixture.waves.entries()) {
        const responses: SurveyResponse[] = [];
        for (const [gi, groep] of school.groepen.entries()) {
          const open = si === 0 && gi === 0 && bestuur === fixture.besturen[0];
          const size = open
            ? Math.max(fixture.freeTextAnswers.length, 12)
            : 3 + ((gi * 5 + wi * 3 + si) % 12);
          roster.push({ school: school.id, groep: groep.id, wave: wave.id, families: size + 6 });
          for (let i = 0; i < size; i++) {
            const context = { bestuur: bestuur.id, school: school.id, groep: groep.id, wave: wave.id };
            const own2 = answers(own, next, context);
            const text = open
              ? fixture.freeTextAnswers[i]
              : next() < 0.3
                ? fixture.freeTextAnswers[i % fixture.freeTextAnswers.length]
                : undefined;
            if (text !== undefined) own2.push({ item: "open_goed", code: null, text, missing: null });
            responses.push({ key: `${++keys}`, row: keys + 1, submittedAt: null, context, answers: own2 });
          }
        }
        await load(own, responses);
      }
    }
  }
  await store.replaceRoster(roster, "demo");
  for (const file of ["observatie.json", "opleidingsouders.json"]) {
    const own = studentInstrument(await instrument(file), fixture);
    const kinds = own.dimensions.find((d) => d.id === "gesprekssoort")?.values?.map((v) => v.code) ?? [];
    const responses: SurveyResponse[] = [];
    for (const opleiding of fixture.opleidingen) {
      for (const [ci, cohort] of fixture.cohorts.entries()) {
        for (let s = 0; s < 9; s++) {
          const student = `p-${(opleiding.id.length * 7919 + ci * 131 + s).toString(16).padStart(16, "0")}`;
          for (let c = 0; c < 3; c++) {
            const context = {
              student,
              opleiding: opleiding.id.replaceAll("-", "_"),
              fase: c === 0 ? "hoofdfase" : "afstudeerfase",
              cohort: cohort.id,
              gesprekssoort: kinds[(s + c) % Math.min(3, kinds.length)] ?? "kennismaking",
              datum: `2025-0${c + 1}-1${s % 9}`,
              rol: "mentor",
            };
            responses.push({
              key: `${++keys}`,
              row: keys + 1,
              submittedAt: null,
              context,
              answers: answers(own, next, context),
            });
          }
        }
      }
    }
    await load(own, responses);
  }
  const privacy = privacySettings();
  if (!privacy.ok) throw new Error("default privacy settings refused");
  return {
    service: new StoreResultsService({ store, privacy: privacy.value }),
    store,
    fixture,
    close: () => store.close(),
  };
}
