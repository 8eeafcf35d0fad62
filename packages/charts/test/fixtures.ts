/**
 * Realistic Dutch inputs for every chart, each with a suppressed cell and a hostile label. The
 * suppressed cells carry numbers on purpose (as a careless caller might pass them): the builders
 * must drop them. Their values use digits that occur nowhere else, so a leak is easy to find.
 */
import type {
  CategoryBarsInput,
  ChangeHeatmapInput,
  ClassHeatmapInput,
  IntervalDotsInput,
  JaShareInput,
  LikertBarsInput,
  PartnershipProfileInput,
  ResponseRateInput,
  TrendInput,
} from "../src/index.js";

export const xss = "<script>alert(1)</script>";
export const suppressionReason = "minder dan 5 respondenten";

export const likertInput: LikertBarsInput = {
  title: "Ervaring van ouders met de school (groep 5)",
  scale: {
    labels: [
      { code: 1, label: "Helemaal oneens" },
      { code: 2, label: "Oneens" },
      { code: 3, label: "Neutraal" },
      { code: 4, label: "Eens" },
      { code: 5, label: "Helemaal eens" },
    ],
    neutral: 3,
  },
  items: [
    {
      id: "houding_1",
      text: "De leerkracht staat open voor de betrokkenheid van alle ouders, ook als zij weinig Nederlands spreken.",
      n: 26,
      counts: { 1: 1, 2: 2, 3: 4, 4: 11, 5: 6 },
      missing: { weet_niet: 2 },
    },
    {
      id: "communicatie_1",
      text: "De school maakt duidelijk wat zij van ouders verwacht.",
      n: 26,
      counts: { 1: 3, 2: 6, 3: 7, 4: 6, 5: 2 },
      missing: { leeg: 1, nvt: 1 },
    },
    {
      id: "tips_1",
      text: "Ik krijg concrete, praktische tips om mijn kind thuis te ondersteunen.",
      n: 26,
      counts: { 1: 5, 2: 9, 3: 5, 4: 4, 5: 1 },
      missing: { weet_niet: 1, leeg: 1 },
    },
    {
      id: "klimaat_1",
      text: `${xss} Ik voel me welkom op school.`,
      n: 26,
      counts: { 1: 0, 2: 1, 3: 3, 4: 12, 5: 10 },
      missing: {},
    },
    {
      id: "informatie_1",
      text: "Ik hoor regelmatig hoe mijn kind vordert.",
      n: 3,
      counts: { 1: 1, 2: 1, 4: 1 },
      missing: { weet_niet: 7 },
      suppressed: true,
      reason: suppressionReason,
    },
  ],
};

const bakker = [
  ["positieve_houding", "Positieve houding naar alle ouders"],
  ["heldere_communicatie", "Heldere communicatie over verwachtingen"],
  ["gerichte_verzoeken", "Gerichte verzoeken met praktische tips"],
  ["informatie_feedback", "Informatie en feedback over het onderwijs"],
] as const;
const vormen = [
  ["educatief", "Educatief partnerschap"],
  ["formeel", "Formeel partnerschap"],
  ["maatschappelijk", "Maatschappelijk partnerschap"],
] as const;
const groepen = [
  ["g3", "Groep 3"],
  ["g5", "Groep 5"],
  ["g7", xss],
] as const;

/** Means from a fixed pattern, not random, so the golden snapshot is stable. */
export const heatmapInput: ClassHeatmapInput = {
  title: "Ervaringen van ouders per groep — De Regenboog, najaar 2024",
  scaleMin: 1,
  scaleMax: 5,
  rows: groepen.flatMap(([groep, groepLabel], g) => [
    ...bakker.map(([construct, constructLabel], c) => ({
      groep,
      groepLabel,
      construct,
      constructLabel,
      framework: "bakker" as const,
      mean: 2.2 + 0.45 * c + 0.3 * g,
      n: 18 + 2 * g,
      suppressed: false,
    })),
    ...vormen.map(([construct, constructLabel], c) => ({
      groep,
      groepLabel,
      construct,
      constructLabel,
      framework: "partnerschap" as const,
      mean: 3.9 - 0.6 * c + 0.1 * g,
      n: 18 + 2 * g,
      suppressed: false,
    })),
  ]),
};
// Groep 7 answered too few questions on maatschappelijk partnerschap: suppressed, with numbers a careless caller left in.
const suppressedCell = heatmapInput.rows.find(
  (row) => row.groep === "g7" && row.construct === "maatschappelijk",
)!;
Object.assign(suppressedCell, { mean: 4.87, n: 3, suppressed: true, reason: suppressionReason });
// Groep 3 has no data on formeel partnerschap at all.
heatmapInput.rows.splice(
  heatmapInput.rows.findIndex((row) => row.groep === "g3" && row.construct === "formeel"),
  1,
);

export const profileInput: PartnershipProfileInput = {
  title: "Partnerschap in groep 5 tegenover De Regenboog",
  scaleMin: 1,
  scaleMax: 5,
  rows: [
    {
      form: "educatief",
      formLabel: `Educatief ${xss}`,
      series: "Groep 5",
      mean: 3.62,
      low: 3.21,
      high: 4.03,
      n: 22,
    },
    {
      form: "educatief",
      formLabel: `Educatief ${xss}`,
      series: "School",
      mean: 3.41,
      low: 3.28,
      high: 3.54,
      n: 187,
    },
    {
      form: "formeel",
      formLabel: "Formeel partnerschap",
      series: "Groep 5",
      mean: 2.35,
      low: 1.94,
      high: 2.76,
      n: 21,
    },
    {
      form: "formeel",
      formLabel: "Formeel partnerschap",
      series: "School",
      mean: 2.58,
      low: 2.44,
      high: 2.72,
      n: 181,
    },
    {
      form: "maatschappelijk",
      formLabel: `Maatschappelijk partnerschap ${xss}`,
      series: "Groep 5",
      mean: 4.71,
      low: 3.99,
      high: 5.0,
      n: 4,
      suppressed: true,
      reason: suppressionReason,
    },
    {
      form: "maatschappelijk",
      formLabel: "Maatschappelijk partnerschap",
      series: "School",
      mean: 2.97,
      low: 2.8,
      high: 3.14,
      n: 152,
    },
  ],
};

export const trendInput: TrendInput = {
  title: "Verloop per voorwaarde — De Regenboog",
  scaleMin: 1,
  scaleMax: 5,
  rows: [
    ["najaar 2023", 3.1, 3.4, 2.6],
    ["voorjaar 2024", 3.3, 3.5, null],
    ["najaar 2024", 3.6, 3.3, 2.9],
  ].flatMap(([wave, a, b, c]) => [
    {
      wave: wave as string,
      construct: "heldere_communicatie",
      constructLabel: "Heldere communicatie",
      mean: a as number,
      low: (a as number) - 0.25,
      high: (a as number) + 0.25,
      n: 41,
    },
    {
      wave: wave as string,
      construct: "positieve_houding",
      constructLabel: xss,
      mean: b as number,
      low: (b as number) - 0.3,
      high: (b as number) + 0.3,
      n: 38,
    },
    c === null
      ? {
          wave: wave as string,
          construct: "gerichte_verzoeken",
          constructLabel: "Gerichte verzoeken",
          mean: 1.23,
          low: 0.77,
          high: 1.69,
          n: 4,
          suppressed: true,
          reason: suppressionReason,
        }
      : {
          wave: wave as string,
          construct: "gerichte_verzoeken",
          constructLabel: "Gerichte verzoeken",
          mean: c as number,
          low: (c as number) - 0.35,
          high: (c as number) + 0.35,
          n: 12,
        },
  ]),
};

export const responseRateInput: ResponseRateInput = {
  title: "Respons ouderpopulatie-vragenlijst — De Regenboog, najaar 2024",
  rows: [
    { groep: "g1", groepLabel: "Groep 1/2a", responses: 21, families: 27, rate: 21 / 27 },
    { groep: "g3", groepLabel: "Groep 3", responses: 34, families: 52, rate: 34 / 52 },
    { groep: "g5", groepLabel: xss, responses: 17, families: 29, rate: 17 / 29 },
    {
      groep: "g6",
      groepLabel: "Groep 6",
      responses: 3,
      families: 26,
      rate: 3 / 26,
      suppressed: true,
      reason: suppressionReason,
    },
    { groep: "g8", groepLabel: "Groep 8", responses: null, families: 24, rate: null },
  ],
};

export const jaShareInput: JaShareInput = {
  title: "Observaties kennismakingsgesprek, cohort 2023",
  rows: [
    ["3.3", "Kennismakingsgesprek", "k1", "Stelt zich voor en legt het doel van het gesprek uit"],
    ["3.3", "Kennismakingsgesprek", "k2", "Vraagt naar de verwachtingen van de ouders"],
    ["3.2", "Algemene gespreksvaardigheden", "a1", `Luistert actief en vat samen ${xss}`],
  ].flatMap(([section, sectionLabel, item, itemText], i) =>
    [
      ["hoofdfase", 0.55 + 0.1 * i, 31],
      ["afstudeerfase", 0.72 + 0.08 * i, 18],
    ].map(([fase, share, n]) => ({
      item: item!,
      itemText: itemText!,
      section: section!,
      sectionLabel: sectionLabel!,
      fase: fase as string,
      share: share as number,
      low: (share as number) - 0.15,
      high: Math.min(1, (share as number) + 0.13),
      n: n as number,
    })),
  ),
};
// One cell suppressed: only 3 afstudeerfase observations of item k2.
Object.assign(jaShareInput.rows.find((row) => row.item === "k2" && row.fase === "afstudeerfase")!, {
  share: 0.667,
  low: 0.208,
  high: 0.939,
  n: 3,
  suppressed: true,
  reason: suppressionReason,
});

/**
 * Change per groep between two waves. Groep 6 had too few respondents on educatief
 * partnerschap (numbers left in by a careless caller); the hostile groep was not asked about
 * heldere communicatie in the previous wave, so it has no change there.
 */
const changeConstructs = [
  ["positieve_houding", "Positieve houding naar alle ouders"],
  ["heldere_communicatie", "Heldere communicatie over verwachtingen"],
  ["educatief", "Educatief partnerschap"],
  ["maatschappelijk", "Maatschappelijk partnerschap"],
] as const;
/** Per groep and construct: [previous, current, change, n]. */
const changeValues: Record<string, (readonly [number, number, number, number] | null)[]> = {
  g4: [
    [3.1, 3.35, 0.25, 24],
    [3.3, 2.9, -0.4, 24],
    [2.5, 3.25, 0.75, 23],
    [3.4, 3.4, 0, 22],
  ],
  g6: [
    [3.6, 2.9, -0.7, 19],
    [3.2, 3.3, 0.1, 19],
    [2.19, 3.06, 0.87, 3],
    [2.6, 2.9, 0.3, 18],
  ],
  g8: [[3.0, 3.05, 0.05, 21], null, [3.35, 3.2, -0.15, 21], [2.75, 3.2, 0.45, 20]],
};

export const changeHeatmapInput: ChangeHeatmapInput = {
  title: "Verschil in gemiddelde, najaar 2024 min voorjaar 2024",
  description:
    "Heatmap van het verschil in gemiddelde score per groep tussen voorjaar 2024 en najaar 2024 (nu min vorige), " +
    "per Bakker-conditie en partnerschapsvorm. Blauw is hoger dan de vorige meting, oranje lager.",
  rowTitle: "Groep",
  rows: (
    [
      ["g4", "Groep 4"],
      ["g6", "Groep 6"],
      ["g8", xss],
    ] as const
  ).flatMap(([row, rowLabel]) =>
    changeConstructs.map(([construct, constructLabel], c) => {
      const values = changeValues[row]![c]!;
      return values === null
        ? {
            row,
            rowLabel,
            construct,
            constructLabel,
            change: null,
            previous: null,
            current: 3.3,
            n: 21,
            suppressed: false,
          }
        : {
            row,
            rowLabel,
            construct,
            constructLabel,
            previous: values[0],
            current: values[1],
            change: values[2],
            n: values[3],
            suppressed: values[3] < 5,
            ...(values[3] < 5 ? { reason: suppressionReason } : {}),
          };
    }),
  ),
};

/**
 * Opleidingsouders' answers per question and fase (1–5), as the leerlijn view draws them: the
 * second question's afstudeerfase is suppressed, the third has no hoofdfase answers.
 */
export const feedbackDotsInput: IntervalDotsInput = {
  title: "Oordeel van opleidingsouders per vraag en fase",
  description:
    "Gemiddeld antwoord van opleidingsouders per vraag (1 = nee, helemaal niet; 5 = ja, helemaal), per fase, met 95%-interval.",
  axisTitle: "gemiddelde (1–5)",
  categoryTitle: "Vraag",
  seriesTitle: "Fase",
  domain: [1, 5],
  rows: [
    ["v1", "Was de student goed voorbereid op het gesprek?"],
    ["v2", `Luisterde de student echt naar u? ${xss}`],
    ["v3", "Gaf de student u ruimte voor uw eigen inbreng en voor vragen over de ontwikkeling van uw kind?"],
  ].flatMap(([category, categoryLabel], i) =>
    [
      ["Hoofdfase", 3.4 + 0.3 * i, 14],
      ["Afstudeerfase", 3.9 + 0.2 * i, 11],
    ].map(([series, mean, n]) => ({
      category: category!,
      categoryLabel: categoryLabel!,
      series: series as string,
      value: mean as number,
      low: (mean as number) - 0.4,
      high: (mean as number) + 0.4,
      n: n as number,
      suppressed: false,
    })),
  ),
};
Object.assign(
  feedbackDotsInput.rows.find((row) => row.category === "v2" && row.series === "Afstudeerfase")!,
  {
    value: 1.37,
    low: 0.58,
    high: 2.16,
    n: 3,
    suppressed: true,
    reason: suppressionReason,
  },
);
Object.assign(feedbackDotsInput.rows.find((row) => row.category === "v3" && row.series === "Hoofdfase")!, {
  value: null,
  low: null,
  high: null,
  n: null,
});

/** Cronbach's alpha per scale, one series, with the 0,70 reference line. */
export const reliabilityDotsInput: IntervalDotsInput = {
  title: "Cronbachs alfa per schaal, alle scholen, najaar 2024",
  description:
    "Interne consistentie van elke schaal over alle respondenten van het bestuur in deze meting: " +
    "Cronbachs alfa met 95%-interval (Feldt). 0,70 of hoger is voldoende.",
  axisTitle: "Cronbachs alfa",
  categoryTitle: "Schaal",
  domain: [0, 1],
  reference: 0.7,
  rows: [
    {
      category: "positieve_houding",
      categoryLabel: "Positieve houding",
      series: "",
      value: 0.81,
      low: 0.77,
      high: 0.85,
      n: 187,
      suppressed: false,
    },
    {
      category: "heldere_communicatie",
      categoryLabel: xss,
      series: "",
      value: 0.64,
      low: 0.57,
      high: 0.7,
      n: 181,
      suppressed: false,
    },
    {
      category: "educatief",
      categoryLabel: "Educatief partnerschap",
      series: "",
      value: 0.946,
      low: 0.912,
      high: 0.969,
      n: 4,
      suppressed: true,
      reason: suppressionReason,
    },
    {
      category: "formeel",
      categoryLabel: "Formeel partnerschap",
      series: "",
      value: null,
      low: null,
      high: null,
      n: null,
      suppressed: false,
    },
  ],
};

/** Shares of JA per profieleis and fase, in percent, as the leerlijn view draws them. */
export const profieleisDotsInput: IntervalDotsInput = {
  title: "Aandeel JA op de gekoppelde observatie-items, per profieleis en fase",
  description:
    "Per profieleis startbekwaam het aandeel JA van alle JA/NEE-scores op de observatie-items die ermee verbonden zijn, per fase.",
  axisTitle: "aandeel JA",
  categoryTitle: "Profieleis",
  seriesTitle: "Fase",
  domain: [0, 1],
  percent: true,
  rows: [
    {
      category: "a",
      categoryLabel: "a: voert gesprekken met ouders",
      series: "Hoofdfase",
      value: 34 / 52,
      low: 0.52,
      high: 0.76,
      n: 52,
      suppressed: false,
    },
    {
      category: "a",
      categoryLabel: "a: voert gesprekken met ouders",
      series: "Afstudeerfase",
      value: 0.8,
      low: 0.66,
      high: 0.89,
      n: 40,
      suppressed: false,
    },
    {
      category: "b",
      categoryLabel: `b: analyseert de ouderpopulatie ${xss}`,
      series: "Hoofdfase",
      value: 0.5,
      low: 0.3,
      high: 0.7,
      n: 20,
      suppressed: false,
    },
    {
      category: "b",
      categoryLabel: `b: analyseert de ouderpopulatie ${xss}`,
      series: "Afstudeerfase",
      value: 0.333,
      low: 0.061,
      high: 0.792,
      n: 3,
      suppressed: true,
      reason: suppressionReason,
    },
  ],
};

/** Home languages of a school's parents: multiple choice, so the shares add up to more than 100%. */
export const categoryInput: CategoryBarsInput = {
  title: "Thuistaal (hele school)",
  n: 84,
  multiple: true,
  rows: [
    { category: "1", label: "Nederlands", count: 61 },
    { category: "2", label: "Arabisch", count: 17 },
    { category: "3", label: "Turks", count: 9 },
    { category: "9", label: `Anders ${xss}`, count: 6 },
  ],
};
