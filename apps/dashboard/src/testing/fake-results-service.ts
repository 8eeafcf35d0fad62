import { classHeatmap, type HeatmapRow, likertBars } from "@zaz/charts";
import { bakkerConditions, conversationKinds, partnershipForms, studyPhases } from "@zaz/model";
import type {
  BoardOverview,
  Catalog,
  Cell,
  ClassOverview,
  FilterOptions,
  FilterScope,
  GroepDetail,
  Labeled,
  LeerlijnQuery,
  LeerlijnView,
  ResultsService,
  ViewChart,
} from "../results-service.js";
import { type DemoFixture, demoFixture, type FixtureSchool } from "./demo-fixture.js";
import { barChart } from "./simple-charts.js";

/** The privacy threshold k and the stricter one for open answers. */
const minGroupSize = 5;
const minFreeTextGroupSize = 10;
const suppressedLabel = `te weinig respondenten (minder dan ${minGroupSize})`;

/** A deterministic pseudo-random stream per key, so every request answers the same. */
function random(key: string): () => number {
  let state = 2166136261;
  for (const char of key) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function shown(n: number, value: number): Cell {
  return n < minGroupSize ? { status: "suppressed", label: suppressedLabel } : { status: "shown", n, value };
}

/**
 * An in-memory `ResultsService` over a fixture of names, with made-up but deterministic and
 * already-suppressed numbers: for the dashboard's tests, the browser tests and the load test.
 * The last groep of every school has 3 respondents, so suppression shows on every page.
 */
export class FakeResultsService implements ResultsService {
  readonly fixture: DemoFixture;

  constructor(fixture: DemoFixture = demoFixture()) {
    this.fixture = fixture;
  }

  async catalog(): Promise<Catalog> {
    return {
      besturen: this.fixture.besturen.map(({ id, name, schools }) => ({
        id,
        name,
        schools: schools.map((school) => ({ id: school.id, name: school.name })),
      })),
      opleidingen: this.fixture.opleidingen,
    };
  }

  async schoolsOf(bestuur: string): Promise<string[]> {
    return this.fixture.besturen.find((b) => b.id === bestuur)?.schools.map((school) => school.id) ?? [];
  }

  async filters(scope: FilterScope): Promise<FilterOptions | undefined> {
    const empty = { waves: [], groepen: [], schools: [], cohorts: [], fasen: [], gesprekssoorten: [] };
    if ("school" in scope) {
      const school = this.#school(scope.school);
      if (school === undefined) return undefined;
      return { ...empty, scope: label(school), waves: this.fixture.waves, groepen: school.groepen };
    }
    if ("bestuur" in scope) {
      const bestuur = this.fixture.besturen.find((b) => b.id === scope.bestuur);
      if (bestuur === undefined) return undefined;
      return {
        ...empty,
        scope: label(bestuur),
        waves: this.fixture.waves,
        schools: bestuur.schools.map(label),
      };
    }
    const opleiding = this.fixture.opleidingen.find((o) => o.id === scope.opleiding);
    if (opleiding === undefined) return undefined;
    return {
      ...empty,
      scope: opleiding,
      cohorts: this.fixture.cohorts,
      fasen: studyPhases.map((phase) => ({ id: phase.id, name: phase.name })),
      gesprekssoorten: conversationKinds.map((kind) => ({ id: kind.id, name: kind.name })),
    };
  }

  async classOverview(query: { school: string; wave: string }): Promise<ClassOverview | undefined> {
    const school = this.#school(query.school);
    const waveIndex = this.fixture.waves.findIndex((wave) => wave.id === query.wave);
    if (school === undefined || waveIndex < 0) return undefined;
    const wave = this.fixture.waves[waveIndex]!;
    const previousWave = this.fixture.waves[waveIndex - 1] ?? null;
    const groepen = school.groepen.map((groep, index) => ({
      groep,
      ...this.#groepNumbers(school, groep, index, wave.id),
      previous: previousWave === null ? null : this.#groepNumbers(school, groep, index, previousWave.id),
    }));
    const respondents = groepen.reduce((sum, g) => sum + g.n, 0);
    const invited = groepen.reduce((sum, g) => sum + g.invited, 0);

    const constructs = [
      ...bakkerConditions.map((c) => ({ id: c.id, name: c.name, framework: "bakker" as const })),
      ...partnershipForms.map((f) => ({ id: f.id, name: f.name, framework: "partnerschap" as const })),
    ];
    const rows: HeatmapRow[] = groepen.flatMap((g) =>
      constructs.map((construct) => {
        const suppressed = g.n < minGroupSize;
        const mean = round(2 + random(`${school.id}/${g.groep.id}/${wave.id}/${construct.id}`)() * 2.8);
        return {
          groep: g.groep.id,
          groepLabel: g.groep.name,
          construct: construct.id,
          constructLabel: construct.name,
          framework: construct.framework,
          mean: suppressed ? null : mean,
          n: suppressed ? null : g.n,
          suppressed,
          ...(suppressed ? { reason: suppressedLabel } : {}),
        };
      }),
    );
    const heatmap = classHeatmap({
      title: `${school.name}: gemiddelde per groep`,
      scaleMin: 1,
      scaleMax: 5,
      rows,
    });
    const rate = barChart({
      title: "Respons per groep",
      description: `Het deel van de uitgenodigde ouders dat de vragenlijst invulde, per groep van ${school.name}.`,
      valueTitle: "respons",
      percent: true,
      data: groepen.map((g) => ({ label: g.groep.name, cell: shown(g.n, round(g.n / g.invited, 3)) })),
    });
    const charts: ViewChart[] = [
      { id: "heatmap", title: "Groep × voorwaarde en partnerschapsvorm", ...heatmap },
      { id: "respons", title: "Respons per groep", ...rate },
    ];
    if (previousWave !== null) {
      const change = barChart({
        title: `Verandering sinds ${previousWave.name}`,
        description: "Verschil in gemiddelde tevredenheid (schaal 1–5) met de vorige meting, per groep.",
        valueTitle: "verschil in gemiddelde",
        data: groepen.map((g) => ({
          label: g.groep.name,
          cell:
            g.previous === null || g.previous.n < minGroupSize
              ? { status: "suppressed", label: suppressedLabel }
              : shown(g.n, round(g.mean - g.previous.mean)),
        })),
      });
      charts.push({ id: "verandering", title: `Verandering sinds ${previousWave.name}`, ...change });
    }
    return {
      title: `${school.name}, ${wave.name}`,
      school: label(school),
      wave,
      previousWave,
      groepen: school.groepen,
      facts: [
        { label: "Respons", unit: "percent", cell: shown(respondents, round(respondents / invited, 3)) },
        { label: "Respondenten", unit: "count", cell: shown(respondents, respondents) },
      ],
      charts,
    };
  }

  async groepDetail(query: {
    school: string;
    wave: string;
    groep: string;
  }): Promise<GroepDetail | undefined> {
    const school = this.#school(query.school);
    const wave = this.fixture.waves.find((w) => w.id === query.wave);
    const index = school?.groepen.findIndex((g) => g.id === query.groep) ?? -1;
    if (school === undefined || wave === undefined || index < 0) return undefined;
    const groep = school.groepen[index]!;
    const numbers = this.#groepNumbers(school, groep, index, wave.id);
    const suppressed = numbers.n < minGroupSize;
    const likert = likertBars({
      title: `${groep.name}: antwoorden per uitspraak`,
      scale: {
        labels: ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"].map((text, i) => ({
          code: i + 1,
          label: text,
        })),
        neutral: 3,
      },
      items: this.fixture.items.map((item) => {
        if (suppressed) {
          return {
            id: item.id,
            text: item.name,
            n: null,
            counts: null,
            missing: null,
            suppressed: true,
            reason: suppressedLabel,
          };
        }
        const next = random(`${school.id}/${groep.id}/${wave.id}/${item.id}`);
        const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
        const missing = { weet_niet: 0, nvt: 0, leeg: 0 };
        for (let r = 0; r < numbers.n; r++) {
          const roll = next();
          if (roll < 0.06) missing.weet_niet++;
          else counts[Math.min(5, 1 + Math.floor(next() * 3 + roll * 2.2))]!++;
        }
        return { id: item.id, text: item.name, n: numbers.n, counts, missing };
      }),
    });
    const trend = barChart({
      title: `${groep.name}: gemiddelde per meting`,
      description: "Gemiddelde tevredenheid (schaal 1–5) van de ouders van deze groep in elke meting.",
      valueTitle: "gemiddelde (1–5)",
      data: this.fixture.waves.map((w) => {
        const g = this.#groepNumbers(school, groep, index, w.id);
        return { label: w.name, cell: shown(g.n, g.mean) };
      }),
    });
    const answers = this.fixture.freeTextAnswers;
    return {
      title: `${groep.name}, ${school.name}, ${wave.name}`,
      school: label(school),
      wave,
      groep,
      facts: [
        { label: "Respons", unit: "percent", cell: shown(numbers.n, round(numbers.n / numbers.invited, 3)) },
        { label: "Gemiddelde tevredenheid", unit: "mean", cell: shown(numbers.n, numbers.mean) },
      ],
      charts: [
        { id: "likert", title: "Antwoorden per uitspraak", ...likert },
        { id: "trend", title: "Verloop over de metingen", ...trend },
      ],
      freeText: [
        {
          question: this.fixture.freeTextQuestion,
          cell:
            numbers.n < minFreeTextGroupSize
              ? {
                  status: "suppressed",
                  label: `open antwoorden alleen bij ${minFreeTextGroupSize} of meer respondenten`,
                }
              : answers.length === 0
                ? { status: "empty", label: "geen open antwoorden" }
                : { status: "shown", n: numbers.n, answers },
        },
      ],
    };
  }

  async boardOverview(query: { bestuur: string }): Promise<BoardOverview | undefined> {
    const bestuur = this.fixture.besturen.find((b) => b.id === query.bestuur);
    if (bestuur === undefined) return undefined;
    const perSchool = (school: FixtureSchool, waveId: string) => {
      const groepen = school.groepen.map((g, i) => this.#groepNumbers(school, g, i, waveId));
      const n = groepen.reduce((sum, g) => sum + g.n, 0);
      const mean = groepen.reduce((sum, g) => sum + g.mean * g.n, 0) / n;
      return { n, mean: round(mean) };
    };
    const overWaves = barChart({
      title: "Gemiddelde tevredenheid per school en meting",
      description: `De scholen van ${bestuur.name} naast elkaar, per meting (schaal 1–5).`,
      valueTitle: "gemiddelde (1–5)",
      data: bestuur.schools.flatMap((school) =>
        this.fixture.waves.map((wave) => {
          const s = perSchool(school, wave.id);
          return { label: school.name, series: wave.name, cell: shown(s.n, s.mean) };
        }),
      ),
    });
    const latest = this.fixture.waves[this.fixture.waves.length - 1]!;
    const profiles = barChart({
      title: `Partnerschapsvormen per school, ${latest.name}`,
      description: "Hoe sterk ouders zich betrokken voelen per vorm van partnerschap (schaal 1–5).",
      valueTitle: "gemiddelde (1–5)",
      data: bestuur.schools.flatMap((school) =>
        partnershipForms.map((form) => {
          const s = perSchool(school, latest.id);
          return {
            label: school.name,
            series: form.name,
            cell: shown(s.n, round(1.8 + random(`${school.id}/${form.id}`)() * 3)),
          };
        }),
      ),
    });
    const reliability = barChart({
      title: "Betrouwbaarheid per schaal (Cronbachs alfa)",
      description:
        "Interne consistentie van elke schaal over alle scholen van het bestuur; 0,70 of hoger is voldoende.",
      valueTitle: "Cronbachs alfa",
      data: bakkerConditions.map((condition) => {
        const n = bestuur.schools.reduce((sum, school) => sum + perSchool(school, latest.id).n, 0);
        return { label: condition.name, cell: shown(n, round(0.62 + random(condition.id)() * 0.3)) };
      }),
    });
    return {
      title: bestuur.name,
      bestuur: label(bestuur),
      schools: bestuur.schools.map(label),
      waves: this.fixture.waves,
      facts: [
        {
          label: "Scholen",
          unit: "count",
          cell: { status: "shown", n: bestuur.schools.length, value: bestuur.schools.length },
        },
      ],
      charts: [
        { id: "scholen", title: "Scholen over de metingen", ...overWaves },
        { id: "profielen", title: "Profielen van partnerschapsvormen", ...profiles },
        { id: "betrouwbaarheid", title: "Betrouwbaarheid van de schalen", ...reliability },
      ],
    };
  }

  async leerlijn(query: LeerlijnQuery): Promise<LeerlijnView | undefined> {
    const opleiding = this.fixture.opleidingen.find((o) => o.id === query.opleiding);
    if (opleiding === undefined) return undefined;
    const phases = studyPhases.filter((phase) => query.fase === undefined || phase.id === query.fase);
    const kinds = conversationKinds.filter(
      (kind) => query.gesprekssoort === undefined || kind.id === query.gesprekssoort,
    );
    const key = `${opleiding.id}/${query.cohort ?? "alle"}`;
    const observations = barChart({
      title: "Observatie-items met JA, per gesprekssoort en fase",
      description:
        "Het deel van de observatie-items dat de mentor met JA scoorde (geen beoordeling van studenten).",
      valueTitle: "aandeel JA",
      percent: true,
      data: kinds.flatMap((kind) =>
        phases.map((phase) => {
          const next = random(`${key}/${kind.id}/${phase.id}`);
          const n = Math.floor(next() * 40);
          return { label: kind.name, series: phase.name, cell: shown(n, round(0.45 + next() * 0.5, 3)) };
        }),
      ),
    });
    const questions = [
      "Wat ging goed in het gesprek?",
      "Wat kan de student beter doen?",
      "Voelde u zich gehoord?",
      "Was duidelijk wat het doel van het gesprek was?",
      "Wat neemt u mee uit dit gesprek?",
    ];
    const feedback = barChart({
      title: "Feedback van opleidingsouders per vraag",
      description:
        "Gemiddelde waardering van opleidingsouders per feedbackvraag (schaal 1–5), alle fasen samen.",
      valueTitle: "gemiddelde (1–5)",
      data: questions.map((question, index) => {
        const next = random(`${key}/vraag-${index}`);
        const n = 3 + Math.floor(next() * 60);
        return { label: question, cell: shown(n, round(2.5 + next() * 2.3)) };
      }),
    });
    return {
      title: `${opleiding.name}: leerlijn educatief partnerschap`,
      opleiding,
      facts: [],
      charts: [
        { id: "observaties", title: "Observaties per gesprekssoort", ...observations },
        { id: "feedback", title: "Feedback van opleidingsouders", ...feedback },
      ],
    };
  }

  #school(id: string): FixtureSchool | undefined {
    for (const bestuur of this.fixture.besturen) {
      const school = bestuur.schools.find((s) => s.id === id);
      if (school !== undefined) return school;
    }
    return undefined;
  }

  #groepNumbers(school: FixtureSchool, groep: Labeled, index: number, waveId: string) {
    const next = random(`${school.id}/${groep.id}/${waveId}`);
    const invited = 20 + Math.floor(next() * 10);
    const last = index === school.groepen.length - 1;
    const n = last ? 3 : 6 + Math.floor(next() * 14);
    return { n, invited, mean: round(2.6 + next() * 2) };
  }
}

function label(entity: Labeled): Labeled {
  return { id: entity.id, name: entity.name };
}
