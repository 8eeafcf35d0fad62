import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Instrument,
  InstrumentRole,
  parseInstrument,
  type RegistryEntity,
  type SurveyResponse,
} from "@zaz/model";
import { openStore, type Store } from "@zaz/store";
import { type AuditedValue, defaultPrivacy, matchingAtoms, observeSuppression } from "@zaz/survey";
import { computeView, releaseInput, type View, type ViewContext, type ViewRequest } from "@zaz/views";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "./example-db.js";
import { tempDir } from "./run-zaz.js";
import { RationalSpan } from "./support/rational-span.js";
import { auditRelease } from "./support/release-audit.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * The release audit: every value each view can show — as suppression decided it, for every
 * request the views accept on these data — is collected per instrument role, and exact linear
 * algebra looks for any group of fewer than k that the shown values determine. The CLI reports and
 * the dashboard API render these same views (test/views-parity.test.ts), and each role sees a
 * subset of them, so what holds for all requests together holds for every role.
 */

function instrument(file: string): Instrument {
  const parsed = parseInstrument(JSON.parse(readFileSync(join("data", "instrumenten", file), "utf8")));
  if (!parsed.ok) throw new Error(`instrument ${file}`);
  return parsed.value;
}

/** Every request of the views that the data allow (every existing value and combination). */
async function requestsOf(context: ViewContext, role: InstrumentRole): Promise<ViewRequest[]> {
  const release = await releaseInput(context, role);
  if (release === null) return [];
  const combos = (dims: readonly string[]) => [
    ...new Map(
      release.atoms.map((a) => [
        JSON.stringify(dims.map((d) => a.values[d] ?? "")),
        dims.map((d) => a.values[d] ?? ""),
      ]),
    ).values(),
  ];
  if (role === InstrumentRole.ouderpopulatie) {
    const requests: ViewRequest[] = [];
    for (const [bestuur] of combos(["bestuur"]))
      if (bestuur !== "") requests.push({ kind: "scholen", params: { bestuur: bestuur! } });
    for (const [school, wave] of combos(["school", "wave"]))
      if (school !== "" && wave !== "")
        requests.push({ kind: "klassen", params: { school: school!, wave: wave! } });
    for (const [school, wave, groep] of combos(["school", "wave", "groep"]))
      if (school !== "" && wave !== "" && groep !== "")
        requests.push({ kind: "groep", params: { school: school!, wave: wave!, groep: groep! } });
    return requests;
  }
  const requests: ViewRequest[] = [];
  const filters = ["cohort", "fase", "gesprekssoort"] as const;
  for (const [opleiding] of combos(["opleiding"])) {
    if (opleiding === "") continue;
    for (let mask = 0; mask < 8; mask++) {
      const fixed = filters.filter((_, i) => (mask & (1 << i)) !== 0);
      for (const values of combos(["opleiding", ...fixed])) {
        if (values[0] !== opleiding || values.slice(1).some((v) => v === "")) continue;
        const params: Record<string, string> = { opleiding: opleiding! };
        fixed.forEach((d, i) => {
          params[d] = values[i + 1]!;
        });
        requests.push({ kind: "leerlijn", params: params as { opleiding: string } });
      }
    }
  }
  return requests;
}

async function audit(store: Store) {
  const context: ViewContext = {
    store,
    privacy: defaultPrivacy,
    now: () => new Date("2026-12-01T00:00:00Z"),
  };
  const outcome: { role: string; requests: number; shown: number; hidden: number; recovered: unknown[] }[] =
    [];
  for (const role of Object.values(InstrumentRole)) {
    const release = await releaseInput(context, role);
    if (release === null) continue;
    const values: AuditedValue[] = [];
    const stop = observeSuppression((v) => {
      if (v.role === role) values.push(v);
    });
    const requests = await requestsOf(context, role);
    try {
      for (const request of requests) {
        try {
          await computeView(context, request);
        } catch (error) {
          // a view may refuse a combination (e.g. a fase its instrument lacks); it shows nothing then
          if (!(error instanceof Error) || error.name !== "ViewError") throw error;
          if (process.env.AUDIT_DEBUG) console.log("refused", JSON.stringify(request), error.message);
        }
      }
    } finally {
      stop();
    }
    outcome.push({
      role,
      requests: requests.length,
      shown: values.filter((v) => v.shown).length,
      hidden: values.filter((v) => !v.shown && v.responses > 0).length,
      recovered: auditRelease(values, release.atoms, context.privacy.k),
    });
    if (process.env.AUDIT_DEBUG)
      for (const r of outcome.at(-1)!.recovered as { atoms: number[] }[]) {
        console.log(
          JSON.stringify(r),
          r.atoms.map(
            (a) =>
              JSON.stringify(release.atoms[a]!.values) +
              release.atoms[a]!.responses +
              "/" +
              release.atoms[a]!.students?.size,
          ),
        );
        const hits = values.filter(
          (v) =>
            JSON.stringify(matchingAtoms(release.atoms, v.definition)) === JSON.stringify(r.atoms) &&
            v.column === "n",
        );
        console.log(hits.map((h) => JSON.stringify(h)).join("\n"));
      }
  }
  return outcome;
}

describe("the audit's linear algebra", () => {
  it("finds a small group recovered by subtraction, and none where nothing can be", () => {
    // atoms: a (3 respondents), b (10), c (8); shown: a∪b∪c and b∪c → a is recovered
    const atoms = [3, 10, 8].map((n, i) => ({
      values: { g: String(i) },
      responses: n,
      columns: {},
      students: null,
    }));
    const seen = (g: string[], shown: boolean, responses: number): AuditedValue => ({
      role: "test",
      definition: { g },
      column: "n",
      shown,
      responses,
    });
    const leaky = auditRelease(
      [seen(["0", "1", "2"], true, 21), seen(["1", "2"], true, 18), seen(["0"], false, 3)],
      atoms,
      5,
    );
    expect(leaky.map((r) => r.how)).toContain("suppressed group");
    expect(leaky.map((r) => r.how)).toContain("difference of two shown groups");
    const safe = auditRelease(
      [seen(["0", "1", "2"], true, 21), seen(["1"], false, 10), seen(["0"], false, 3), seen(["2"], true, 8)],
      atoms,
      5,
    );
    expect(safe).toEqual([]);
  });

  it("decides span membership exactly", () => {
    const span = new RationalSpan(4);
    span.add([1n, 1n, 0n, 0n]);
    span.add([0n, 1n, 1n, 0n]);
    span.add([0n, 0n, 1n, 1n]);
    expect(span.contains([1n, 1n, 1n, 1n])).toBe(true);
    expect(span.contains([1n, 0n, 0n, 0n])).toBe(false);
    expect(span.classes([0, 1, 2, 3]).length).toBe(4);
  });
});

describe("release audit on the example data", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await exampleDatabase());
  }, 120_000);
  afterAll(() => store?.close());

  it("finds no group of fewer than k that the views' shown values determine", async () => {
    const outcome = await audit(store);
    expect(outcome.map((o) => o.role).sort()).toEqual(["observatie", "opleidingsouders", "ouderpopulatie"]);
    for (const o of outcome) {
      expect(o.requests, o.role).toBeGreaterThan(0);
      expect(o.shown, o.role).toBeGreaterThan(0);
      expect(o.hidden, o.role).toBeGreaterThan(0);
      expect(o.recovered, o.role).toEqual([]);
    }
  }, 240_000);
});

/** Many small groups: 2 boards × 3 schools × 2 waves × 8 groepen of 0–7 responses; 2 opleidingen × 2 cohorts × … */
/** Two boards, each with a "De Regenboog" and a "Het Palet" of its own (same names, other ids). */
const registry: RegistryEntity[] = [
  ...["noord", "zuid"].map((b) => ({
    id: b,
    kind: "bestuur" as const,
    name: `Stichting ${b}`,
    bestuur: null,
    brin: null,
  })),
  ...["noord", "zuid"].flatMap((b) =>
    [
      ["de-regenboog", "De Regenboog"],
      ["het-palet", "Het Palet"],
      [`klein-${b}`, `Klein ${b}`],
    ].map(([id, name]) => ({
      id: `${id}-${b}`,
      kind: "school" as const,
      name: name!,
      bestuur: b,
      brin: null,
    })),
  ),
];

function generated(): { ouders: SurveyResponse[]; feedback: SurveyResponse[] } {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const ouders: SurveyResponse[] = [];
  const scaleItems = instrument("ouderpopulatie.json").items.filter((i) => i.type === "scale");
  for (const bestuur of ["noord", "zuid"])
    for (const school of ["de-regenboog", "het-palet", `klein-${bestuur}`])
      for (const wave of ["2025-najaar", "2026-voorjaar"])
        for (let groep = 1; groep <= 8; groep++) {
          const n = Math.floor(random() * 8);
          for (let r = 0; r < n; r++)
            ouders.push({
              key: `${bestuur}|${school}|${wave}|${groep}|${r}`,
              row: ouders.length + 2,
              submittedAt: null,
              context: { bestuur, school: `${school}-${bestuur}`, wave, groep: String(groep) },
              answers: scaleItems.map((i) =>
                random() < 0.1
                  ? { item: i.id, code: null, text: null, missing: "leeg" as const }
                  : {
                      item: i.id,
                      code: 1 + Math.floor(random() * (i.scale === "eens5" ? 5 : 4)),
                      text: null,
                      missing: null,
                    },
              ),
            });
        }
  const feedback: SurveyResponse[] = [];
  const oo = instrument("opleidingsouders.json").items.filter((i) => i.type === "scale");
  const kinds = ["kennismaking", "voortgang", "probleemoplossend", "slechtnieuws", "advies"];
  for (const opleiding of ["pabo_hva", "upva"])
    for (let s = 0; s < 14; s++) {
      const student = `p-${opleiding}-${s}`;
      const cohort = pick(["2023", "2024"]);
      const forms = 1 + Math.floor(random() * 3);
      for (let f = 0; f < forms; f++)
        feedback.push({
          key: `${student}|${f}`,
          row: feedback.length + 2,
          submittedAt: null,
          context: {
            student,
            opleiding,
            cohort,
            fase: pick(["hoofdfase", "afstudeerfase"]),
            gesprekssoort: pick(kinds),
          },
          answers: oo.map((i) => ({
            item: i.id,
            code: 1 + Math.floor(random() * 4),
            text: null,
            missing: null,
          })),
        });
    }
  return { ouders, feedback };
}

describe("release audit on generated data with many small groups", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await newTestDatabase(tempDir("zaz-release-")));
    const data = generated();
    for (const [id, file, responses] of [
      ["ouders", "ouderpopulatie.json", data.ouders],
      ["feedback", "opleidingsouders.json", data.feedback],
    ] as const)
      await store.importResponses(
        {
          id,
          fileName: `${id}.csv`,
          instrument: instrument(file),
          profile: "google-forms",
          context: {},
          rowsRead: responses.length,
          ...(id === "ouders" ? { register: registry } : {}),
        },
        responses,
      );
  }, 120_000);
  afterAll(() => store?.close());

  it("finds no group of fewer than k that the views' shown values determine", async () => {
    const outcome = await audit(store);
    expect(outcome.map((o) => o.role).sort()).toEqual(["opleidingsouders", "ouderpopulatie"]);
    for (const o of outcome) {
      expect(o.requests, o.role).toBeGreaterThan(10);
      expect(o.shown, o.role).toBeGreaterThan(0);
      expect(o.hidden, o.role).toBeGreaterThan(0);
      expect(o.recovered, o.role).toEqual([]);
    }
  }, 240_000);
});

/** The n a view shows for one of its headline facts, or null where it is hidden. */
function factN(view: View, id: string): number | null {
  const cell = view.facts.find((f) => f.id === id)?.cell;
  return cell?.status === "shown" ? cell.n : null;
}

/** A wider number minus the shown narrower ones: nothing, or at least k — never a small group. */
function expectNoSmallRest(whole: number | null, parts: readonly (number | null)[], k: number, what: string) {
  if (whole === null) return;
  const rest = whole - parts.reduce<number>((s, n) => s + (n ?? 0), 0);
  expect(rest === 0 || rest >= k, `${what}: ${whole} − shown parts = ${rest}`).toBe(true);
}

describe("the findings of the attack, on the example data's views", () => {
  let store: Store;
  let context: ViewContext;
  beforeAll(async () => {
    store = await openStore(await exampleDatabase());
    context = { store, privacy: defaultPrivacy, now: () => new Date("2026-12-01T00:00:00Z") };
  }, 120_000);
  afterAll(() => store?.close());
  // A combination without data is refused (nothing shown): an empty view
  const view = (request: ViewRequest): Promise<View> =>
    computeView(context, request).catch((error: unknown) => {
      if (error instanceof Error && error.name === "ViewError")
        return { facts: [], sections: [], links: [], about: {} } as unknown as View;
      throw error;
    });

  it("siblings: a leerlijn view minus its gesprekssoort-filtered siblings leaves no small group", async () => {
    const kinds = ["kennismaking", "voortgang", "probleemoplossend", "slechtnieuws", "advies"];
    for (const opleiding of ["pabo_hva", "upva"])
      for (const fase of ["hoofdfase", "afstudeerfase"]) {
        const whole = factN(await view({ kind: "leerlijn", params: { opleiding, fase } }), "feedback");
        const parts = await Promise.all(
          kinds.map(async (gesprekssoort) =>
            factN(await view({ kind: "leerlijn", params: { opleiding, fase, gesprekssoort } }), "feedback"),
          ),
        );
        expectNoSmallRest(whole, parts, 5, `${opleiding} ${fase}`);
      }
  }, 120_000);

  it("filters: all cohorts minus one cohort leaves no small group", async () => {
    for (const opleiding of ["pabo_hva", "upva"]) {
      const whole = factN(await view({ kind: "leerlijn", params: { opleiding } }), "feedback");
      for (const cohort of ["2023", "2024"]) {
        const one = factN(await view({ kind: "leerlijn", params: { opleiding, cohort } }), "feedback");
        expectNoSmallRest(whole, [one], 5, `${opleiding} cohort ${cohort}`);
      }
    }
  }, 120_000);

  it("levels: a board's total minus the schools shown in any view leaves no small group", async () => {
    const atoms = (await releaseInput(context, InstrumentRole.ouderpopulatie))?.atoms ?? [];
    for (const bestuur of new Set(atoms.map((a) => a.values.bestuur ?? ""))) {
      if (bestuur === "") continue;
      const scholen = await view({ kind: "scholen", params: { bestuur } });
      const latest = scholen.about.wave?.id ?? "";
      const schools = [
        ...new Set(atoms.filter((a) => a.values.bestuur === bestuur).map((a) => a.values.school ?? "")),
      ];
      const respons = scholen.sections.find((x) => x.id === "respons-scholen")?.tables[0];
      const cellN = (v: unknown) =>
        typeof v === "object" && v !== null && (v as { status?: string }).status === "shown"
          ? (v as { n: number }).n
          : null;
      const whole = factN(scholen, "respondenten");
      const shown = await Promise.all(
        schools.map(async (school) => {
          const klassen = factN(
            await view({ kind: "klassen", params: { school, wave: latest } }),
            "respondenten",
          );
          const label = scholen.links.find((l) => l.params.school === school)?.label;
          const row = respons?.rows.find((r) => r.groep === label);
          return klassen ?? cellN(row?.n);
        }),
      );
      expectNoSmallRest(whole, shown, 5, `bestuur ${bestuur}`);
    }
  }, 120_000);
});
