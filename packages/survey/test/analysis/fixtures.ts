import {
  type Answer,
  type Instrument,
  type InstrumentInput,
  instrumentSchema,
  type MissingKind,
  type SurveyResponse,
} from "@zaz/model";

/** mulberry32: a small seeded generator, so every property-test failure can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const eens5 = {
  id: "eens5",
  name: "Eens (5)",
  labels: [
    { code: 1, label: "Helemaal mee oneens" },
    { code: 2, label: "Mee oneens" },
    { code: 3, label: "Neutraal" },
    { code: 4, label: "Mee eens" },
    { code: 5, label: "Helemaal mee eens" },
  ],
  missing: [
    { kind: "weet_niet", label: "Weet ik niet" },
    { kind: "nvt", label: "Niet van toepassing" },
  ],
};

/** A small parent survey: two constructs (one with a reverse-coded item), a choice item, an open question. */
export const parentInstrument: Instrument = instrumentSchema.parse({
  id: "test_ouders",
  version: "1.0",
  title: "Testvragenlijst ouders",
  dimensions: [
    { id: "bestuur", label: "Bestuur" },
    { id: "school", label: "School" },
    {
      id: "groep",
      label: "Groep",
      type: "enum",
      values: ["1", "2", "3", "4", "5", "6", "7", "8"].map((g) => ({ code: g, label: `Groep ${g}` })),
    },
    { id: "wave", label: "Meting" },
  ],
  scales: [
    eens5,
    {
      id: "kanaal",
      name: "Kanaal",
      ordered: false,
      labels: [
        { code: 1, label: "Gesprek" },
        { code: 2, label: "App" },
        { code: 3, label: "Brief" },
      ],
    },
  ],
  constructs: [
    { id: "communicatie", name: "Heldere communicatie", concept: "bakker:heldere_communicatie", minValid: 2 },
    { id: "klimaat", name: "Uitnodigend klimaat", concept: "bakker:uitnodigend_klimaat", minValid: 2 },
  ],
  items: [
    {
      id: "hc1",
      text: "De school vertelt duidelijk wat zij van ons verwacht.",
      type: "scale",
      scale: "eens5",
      constructs: ["communicatie"],
    },
    {
      id: "hc2",
      text: "Ik weet wie ik moet aanspreken.",
      type: "scale",
      scale: "eens5",
      constructs: ["communicatie"],
    },
    {
      id: "hc3",
      text: "Berichten van school zijn vaak onduidelijk.",
      type: "scale",
      scale: "eens5",
      reverse: true,
      constructs: ["communicatie"],
    },
    {
      id: "uk1",
      text: "Ik voel me welkom op school.",
      type: "scale",
      scale: "eens5",
      constructs: ["klimaat"],
    },
    {
      id: "uk2",
      text: "Ik kan makkelijk even binnenlopen.",
      type: "scale",
      scale: "eens5",
      constructs: ["klimaat"],
    },
    { id: "kanaal", text: "Hoe hoort u het liefst van school?", type: "multiple", scale: "kanaal" },
    { id: "open", text: "Wat gaat goed?", type: "text" },
  ],
} satisfies InstrumentInput);

/** A small observation form for student teachers: general items and items for one kind of conversation. */
export const observationInstrument: Instrument = instrumentSchema.parse({
  id: "test_observatie",
  version: "1.0",
  title: "Testobservatie",
  purpose: "ontwikkeling",
  dimensions: [
    { id: "student", label: "Student", pseudonymise: true },
    {
      id: "fase",
      label: "Fase",
      type: "enum",
      values: [
        { code: "hoofdfase", label: "Hoofdfase" },
        { code: "afstudeerfase", label: "Afstudeerfase" },
      ],
    },
    {
      id: "gesprekssoort",
      label: "Gesprekssoort",
      type: "enum",
      values: [
        { code: "kennismaking", label: "Kennismakingsgesprek" },
        { code: "voortgang", label: "Voortgangsgesprek" },
      ],
    },
    { id: "datum", label: "Datum", type: "date", required: false },
  ],
  scales: [
    {
      id: "janee",
      name: "JA/NEE",
      labels: [
        { code: 1, label: "JA" },
        { code: 0, label: "NEE" },
      ],
      missing: [{ kind: "nvt", label: "n.v.t." }],
      agree: [1],
    },
  ],
  constructs: [
    { id: "algemeen", name: "Algemene gespreksvaardigheden", minValid: 2 },
    { id: "kennismaking", name: "Kennismakingsgesprek", minValid: 1 },
  ],
  sections: [
    { id: "alg", title: "Algemeen" },
    {
      id: "km",
      title: "Kennismaking",
      form: "kennismaking",
      appliesWhen: { dimension: "gesprekssoort", values: ["kennismaking"] },
    },
  ],
  items: [
    {
      id: "g1",
      text: "Heet de ouder welkom.",
      type: "scale",
      scale: "janee",
      constructs: ["algemeen"],
      section: "alg",
    },
    { id: "g2", text: "Vat samen.", type: "scale", scale: "janee", constructs: ["algemeen"], section: "alg" },
    {
      id: "g3",
      text: "Vraagt door.",
      type: "scale",
      scale: "janee",
      constructs: ["algemeen"],
      section: "alg",
    },
    {
      id: "k1",
      text: "Vraagt naar de thuissituatie.",
      type: "scale",
      scale: "janee",
      constructs: ["kennismaking"],
      section: "km",
    },
    { id: "k1_opm", text: "Opmerking", type: "text", section: "km", commentOn: "k1" },
  ],
} satisfies InstrumentInput);

export function scaleAnswer(item: string, value: number | MissingKind): Answer {
  return typeof value === "number"
    ? { item, code: value, text: null, missing: null }
    : { item, code: null, text: null, missing: value };
}

export function textAnswer(item: string, text: string): Answer {
  return { item, code: null, text, missing: null };
}

let counter = 0;
export function response(context: Record<string, string>, answers: Answer[]): SurveyResponse {
  counter++;
  return { key: `r${counter}`, row: counter + 1, submittedAt: null, context, answers };
}

function randomScaleAnswer(
  random: () => number,
  item: string,
  codes: readonly number[],
  missing: readonly MissingKind[],
): Answer {
  const x = random();
  if (x < 0.12) return scaleAnswer(item, pick(random, missing));
  return scaleAnswer(item, pick(random, codes));
}

/** Parent responses spread thinly over schools, groepen and two waves, so many groups fall below k. */
export function randomParentResponses(random: () => number): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  const schools = ["A", "B", "C"].slice(0, 1 + Math.floor(random() * 3));
  for (const school of schools) {
    for (const wave of ["2025", "2026"]) {
      const groepen = ["1", "2", "3", "4", "5", "6", "7", "8"].filter(() => random() < 0.6);
      for (const groep of groepen) {
        const size = Math.floor(random() ** 2 * 14);
        for (let i = 0; i < size; i++) {
          const context: Record<string, string> = { bestuur: "ASKO", school, wave };
          if (random() > 0.03) context.groep = groep; // now and then a response without groep
          const answers = ["hc1", "hc2", "hc3", "uk1", "uk2"].map((id) =>
            randomScaleAnswer(random, id, [1, 2, 3, 4, 5], ["weet_niet", "nvt", "leeg"]),
          );
          if (random() < 0.8) answers.push(scaleAnswer("kanaal", pick(random, [1, 2, 3])));
          if (random() < 0.5) answers.push(textAnswer("open", `tekst ${Math.floor(random() * 1e9)}`));
          out.push(response(context, answers));
        }
      }
    }
  }
  return out;
}

/** Observations of a few students, several per student, over phases and kinds of conversation. */
export function randomObservations(random: () => number): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  const students = Array.from({ length: 2 + Math.floor(random() * 12) }, (_, i) => `st${i}`);
  for (const student of students) {
    const fase = pick(random, ["hoofdfase", "afstudeerfase"]);
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const gesprekssoort = pick(random, ["kennismaking", "voortgang"]);
      const answers = ["g1", "g2", "g3"].map((id) => randomScaleAnswer(random, id, [0, 1], ["nvt", "leeg"]));
      if (gesprekssoort === "kennismaking") {
        answers.push(randomScaleAnswer(random, "k1", [0, 1], ["nvt"]));
        if (random() < 0.5) answers.push(textAnswer("k1_opm", `opmerking ${Math.floor(random() * 1e9)}`));
      } else answers.push(scaleAnswer("k1", "nvt"));
      out.push(response({ student, fase, gesprekssoort, datum: `2026-0${1 + i}-1${i}` }, answers));
    }
  }
  return out;
}
