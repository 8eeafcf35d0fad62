/**
 * Writes the example exports in data/voorbeeld/ (deterministic: the same files on every machine),
 * or, with --responses N --out FILE, one large ouderpopulatie export for scale tests and benchmarks.
 *
 *   npx tsx --conditions zaz-source scripts/generate-voorbeeld.ts
 *   npx tsx --conditions zaz-source scripts/generate-voorbeeld.ts --responses 200000 --out /tmp/groot.csv
 *   … --wave-index 1   (another wave: other answers, a little more positive)
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { groepYears, type Instrument, translateInstrument } from "@zaz/model";
import { defaultInstrumentDir, findInstruments } from "@zaz/survey";
import { CsvWriter } from "./voorbeeld/csv-writer.js";
import { feedbackTexts } from "./voorbeeld/feedback-texts.js";
import {
  googleForms,
  limeSurvey,
  microsoftFormsExcel,
  type ProfileWriter,
  qualtrics,
  surveyMonkey,
} from "./voorbeeld/profiles.js";
import { Random } from "./voorbeeld/random.js";
import { type SimResponse, simulateAnswers } from "./voorbeeld/simulate.js";

export interface ManifestEntry {
  file: string;
  instrument: string;
  profile: string;
  encoding: string;
  delimiter: string;
  flags: Record<string, string>;
  rows: number;
  responses: number;
  answers: number;
  missing: { weet_niet: number; nvt: number; leeg: number };
  description: string;
}

/** data/voorbeeld/manifest.json: the registered schools and boards, and the files with their flags and counts. */
export interface Manifest {
  besturen: { name: string }[];
  schools: { name: string; bestuur: string }[];
  files: ManifestEntry[];
}

export const bestuur = "Stichting Samen Leren";
export const schools = ["De Regenboog", "Het Palet", "De Zonnewijzer", "Het Kompas"] as const;
export const waves = ["2025-najaar", "2026-voorjaar"] as const;
const writers: Record<string, readonly [ProfileWriter, ProfileWriter]> = {
  "De Regenboog": [googleForms, googleForms],
  "Het Palet": [microsoftFormsExcel, microsoftFormsExcel],
  "De Zonnewijzer": [limeSurvey, limeSurvey],
  "Het Kompas": [surveyMonkey, qualtrics],
};
/**
 * A village school of another board whose groepen are combinations, as many Dutch schools have
 * them (seed 002: "combinatieklas groep 3-4"), with the families per groep on its roster. Parents
 * wrote their child's groep in their own words. It draws from a random stream of its own, so the
 * other example files stay as they were.
 */
export const combinatieSchool = {
  bestuur: "Stichting Dorpsscholen",
  school: "De Wilgenhoek",
  wave: "2026-voorjaar",
  groepen: [
    ["1/2A", 24],
    ["1/2B", 23],
    ["3", 19],
    ["3/4B", 22],
    ["5/6", 27],
    ["7", 14],
    ["8", 17],
  ],
} as const;

/** How a parent may write a groep: "Groep 1/2A", "groep 1-2A", "gr. 1/2A", "combinatiegroep 5/6" … */
function groepSpelling(code: string, rng: Random): string {
  const spellings = [
    `Groep ${code}`,
    `Groep ${code}`,
    `groep ${code.replaceAll("/", "-")}`,
    `gr. ${code}`,
    code,
  ];
  if (code.includes("/"))
    spellings.push(`combinatiegroep ${code}`, `groep ${code.replaceAll("/", " en ").toLowerCase()}`);
  return rng.pick(spellings);
}

const firstNames = [
  "Fatima",
  "Daan",
  "Sanne",
  "Youssef",
  "Emma",
  "Mehmet",
  "Lotte",
  "Noah",
  "Aylin",
  "Bram",
  "Priya",
  "Joris",
];
const lastNames = [
  "de Vries",
  "El Amrani",
  "Jansen",
  "Yilmaz",
  "Bakker",
  "Visser",
  "Bouzid",
  "Smit",
  "Kaya",
  "Mulder",
];

function person(rng: Random): { name: string; email: string } {
  const name = `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
  return { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}${rng.int(1, 99)}@voorbeeld.nl` };
}

function enumLabel(instrument: Instrument, dimension: string, code: string): string {
  return (
    instrument.dimensions.find((d) => d.id === dimension)?.values?.find((v) => v.code === code)?.label ?? code
  );
}

/** What ingesting these responses must report, computed from the simulated answers. */
function expected(instrument: Instrument, responses: readonly SimResponse[]) {
  const sections = new Map(instrument.sections.map((s) => [s.id, s]));
  let answers = 0;
  const missing = { weet_niet: 0, nvt: 0, leeg: 0 };
  for (const r of responses) {
    for (const item of instrument.items) {
      const a = r.answers.get(item.id);
      if (a === undefined) {
        const when = item.section === undefined ? undefined : sections.get(item.section)?.appliesWhen;
        const applies = when === undefined || when.values.includes(r.contextCodes?.[when.dimension] ?? "");
        missing[applies ? "leeg" : "nvt"]++;
      } else if (a.kind === "missing") {
        const scale = instrument.scales.find((s) => s.id === item.scale);
        const kind = scale?.missing.find((m) => m.label === a.label)?.kind;
        if (kind === "weet_niet" || kind === "nvt" || kind === "leeg") missing[kind]++;
      } else answers += a.kind === "codes" ? a.codes.length : 1;
    }
  }
  return { answers, missing };
}

async function writeExport(
  path: string,
  writer: ProfileWriter,
  instrument: Instrument,
  dims: string[],
  responses: SimResponse[],
) {
  const out = new CsvWriter(path, writer.format);
  for (const h of writer.headerRows(instrument, dims)) await out.row(h);
  for (const [i, r] of responses.entries()) await out.row(writer.row(instrument, dims, r, i));
  await out.close();
}

function ouderpopulatie(
  instrument: Instrument,
  rng: Random,
  schoolIndex: number,
  wave: number,
  groep: number,
  n: number,
) {
  const base = 0.55 + schoolIndex * 0.04 - (groep > 6 ? 0.05 : 0) + wave * 0.04;
  const byConstruct: Record<string, number> = {
    positieve_houding: base + 0.12,
    heldere_communicatie: base - 0.02 + (groep === 3 ? -0.1 : 0),
    gerichte_verzoeken: base - 0.12,
    informatie_feedback: base,
    uitnodigend_klimaat: base + 0.1 - (groep > 5 ? 0.06 : 0),
    positieve_feedback: base - 0.08,
    pedagogisch: 0.45 - groep * 0.02,
    didactisch: 0.5 - groep * 0.04,
    formeel: 0.2 + schoolIndex * 0.03,
    maatschappelijk: 0.3,
  };
  const responses: SimResponse[] = [];
  for (let i = 0; i < n; i++) {
    const p = person(rng);
    const day = (wave === 0 ? Date.UTC(2025, 9, 6) : Date.UTC(2026, 2, 9)) + rng.int(0, 13) * 86_400_000;
    responses.push({
      context: { groep: `Groep ${groep}` },
      contextCodes: { groep: String(groep) },
      answers: simulateAnswers(instrument, rng, { construct: (c) => byConstruct[c] ?? 0.5 }),
      submitted: new Date(day + rng.int(7 * 3600, 22 * 3600) * 1000),
      ...p,
    });
  }
  return responses;
}

async function examples(outDir: string, instruments: Map<string, Instrument>) {
  await mkdir(outDir, { recursive: true });
  const rng = new Random(20261123);
  const manifest: ManifestEntry[] = [];
  const roster: string[] = ["School;Groep;Meting;Gezinnen"];
  const ouder = instruments.get("ouderpopulatie");
  if (!ouder) throw new Error("instrument ouderpopulatie not found");

  for (const [si, school] of schools.entries()) {
    for (const [wi, wave] of waves.entries()) {
      const writer = writers[school]?.[wi];
      if (!writer) continue;
      const responses: SimResponse[] = [];
      for (let groep = 1; groep <= 8; groep++) {
        const families = 16 + ((si * 7 + groep * 5) % 13);
        roster.push(`${school};${groep};${wave};${families}`);
        // A few groepen answer too rarely to be shown: the privacy threshold has something to do.
        const rate = (si + groep + wi) % 9 === 0 ? 0.15 : 0.35 + rng.next() * 0.35;
        responses.push(
          ...ouderpopulatie(ouder, rng, si, wi, groep, Math.max(1, Math.round(families * rate))),
        );
      }
      responses.sort((a, b) => a.submitted.getTime() - b.submitted.getTime());
      const slug = school.toLowerCase().replace(/[^a-z]+/g, "-");
      const ext = writer.format.delimiter === "\t" ? "txt" : "csv";
      const file = `ouderpopulatie-${slug}-${wave}-${writer.id}.${ext}`;
      await writeExport(join(outDir, file), writer, ouder, ["groep"], responses);
      manifest.push({
        file,
        instrument: "ouderpopulatie",
        profile: writer.id,
        encoding: writer.format.encoding,
        delimiter: writer.format.delimiter,
        flags: { bestuur, school, wave },
        rows: responses.length,
        responses: responses.length,
        ...expected(ouder, responses),
        description: `Ouderenquête ${school}, meting ${wave}`,
      });
    }
  }
  const combinatie = await combinatieExport(outDir, ouder, roster);
  // The English form's export belongs to the same school and wave: listed right after its Dutch one.
  const translated = await translatedFormExport(outDir, ouder);
  const dutch = manifest.findIndex(
    (e) => e.flags.school === translatedForm.school && e.flags.wave === translatedForm.wave,
  );
  manifest.splice(dutch + 1, 0, translated);
  await writeFile(join(outDir, "rooster.csv"), `\uFEFF${roster.join("\r\n")}\r\n`);

  // Each Pabo export has a generator of its own, so a change to another example (or to the
  // opleidingsouders instrument) leaves the others' answers as they were.
  const paboExports = [
    {
      id: "opleidingsouders",
      seed: 20261124,
      writer: googleForms,
      name: "cohorten-2023-2024",
      school: undefined,
      openOnly: false,
      description:
        "Feedback van opleidingsouders, cohorten 2023 en 2024, hoofdfase en afstudeerfase: open antwoorden met een kort antwoord (ja of nee)",
    },
    {
      // A school's own Microsoft Form: the five questions as open questions only, no closed answers.
      id: "opleidingsouders",
      seed: 20261126,
      writer: microsoftFormsExcel,
      name: "obs-de-linde-2025",
      school: "OBS De Linde",
      openOnly: true,
      description:
        "Feedback van opleidingsouders op het eigen formulier van OBS De Linde (Microsoft Forms): alleen open antwoorden",
    },
    {
      // Observation forms repeat item texts across kinds of conversation, so a form tool's export would
      // have duplicate headers; the Pabo's LimeSurvey export with question codes keeps them apart.
      id: "observatie",
      seed: 20261125,
      writer: limeSurvey,
      name: "cohorten-2023-2024",
      school: undefined,
      openOnly: false,
      description: "Observatieformulieren van mentoren en schoolopleiders, cohorten 2023 en 2024",
    },
  ] as const;
  for (const spec of paboExports) {
    const full = instruments.get(spec.id);
    if (!full) throw new Error(`instrument ${spec.id} not found`);
    // The export has the columns of the school's form: with openOnly, the free-text questions only.
    const instrument = spec.openOnly ? { ...full, items: full.items.filter((i) => i.type === "text") } : full;
    const responses = pabo(instrument, new Random(spec.seed), spec.school);
    const writer = spec.writer;
    const dims = instrument.dimensions.map((d) => d.id);
    const file = `${spec.id}-${spec.name}-${writer.id}.csv`;
    await writeExport(join(outDir, file), writer, instrument, dims, responses);
    manifest.push({
      file,
      instrument: spec.id,
      profile: writer.id,
      encoding: writer.format.encoding,
      delimiter: writer.format.delimiter,
      flags: {},
      rows: responses.length,
      responses: responses.length,
      ...expected(instrument, responses),
      description: spec.description,
    });
  }
  manifest.push(combinatie);
  // The schools and boards are listed too: `zaz voorbeeld` registers them before it ingests.
  const listed: Manifest = {
    besturen: [{ name: bestuur }, { name: combinatieSchool.bestuur }],
    schools: [
      ...schools.map((name) => ({ name, bestuur })),
      { name: combinatieSchool.school, bestuur: combinatieSchool.bestuur },
    ],
    files: manifest,
  };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(listed, null, 2)}\n`);
  return manifest;
}

/** The export of the school with combination groepen, and its roster rows (appended to `roster`). */
async function combinatieExport(outDir: string, ouder: Instrument, roster: string[]): Promise<ManifestEntry> {
  const { school, wave } = combinatieSchool;
  const rng = new Random(20260309);
  const writer = microsoftFormsExcel;
  const responses: SimResponse[] = [];
  for (const [code, families] of combinatieSchool.groepen) {
    roster.push(`${school};Groep ${code};${wave};${families}`);
    const years = groepYears(code) ?? [];
    const year = Math.round(years.reduce((sum, y) => sum + y, 0) / Math.max(1, years.length));
    // Groep 7 answers too rarely to be shown.
    const rate = code === "7" ? 0.25 : 0.4 + rng.next() * 0.3;
    for (const r of ouderpopulatie(ouder, rng, 4, 1, year, Math.max(1, Math.round(families * rate))))
      responses.push({ ...r, context: { groep: groepSpelling(code, rng) }, contextCodes: { groep: code } });
  }
  responses.sort((a, b) => a.submitted.getTime() - b.submitted.getTime());
  const file = `ouderpopulatie-de-wilgenhoek-${wave}-${writer.id}.csv`;
  await writeExport(join(outDir, file), writer, ouder, ["groep"], responses);
  return {
    file,
    instrument: "ouderpopulatie",
    profile: writer.id,
    encoding: writer.format.encoding,
    delimiter: writer.format.delimiter,
    flags: { bestuur: combinatieSchool.bestuur, school, wave },
    rows: responses.length,
    responses: responses.length,
    ...expected(ouder, responses),
    description: `Ouderenquête ${school} (combinatiegroepen), meting ${wave}`,
  };
}

/**
 * De Regenboog, a school in the city, reaches all its parents only in more than Dutch: in spring
 * 2026 it also handed out an English copy of its Google Form. Google Forms has no translations
 * of one form, so a school copies the form and translates the copy; each copy collects its own
 * responses and gives its own export — this file, beside the Dutch one of the same wave. The
 * questions and answers are the English ones respondents saw; "Tijdstempel" and the Dutch dates
 * stay, because the response sheet's locale is the school's Dutch Google account, not the form's
 * language. Ingest maps it to the same items and codes and keeps `taal` = en for its responses.
 * Its own random stream leaves the other example files as they were.
 */
export const translatedForm = { school: "De Regenboog", wave: "2026-voorjaar", language: "en" } as const;

async function translatedFormExport(outDir: string, ouder: Instrument): Promise<ManifestEntry> {
  const { school, wave, language } = translatedForm;
  const rng = new Random(20260311);
  const writer = googleForms;
  const english = translateInstrument(ouder, language).instrument;
  const responses: SimResponse[] = [];
  for (let groep = 1; groep <= 8; groep++) {
    // A few families per groep: those who asked for the form in English. The groep question keeps
    // the school's own names ("Groep 3"), as its English letters to parents do.
    for (const r of ouderpopulatie(english, rng, 0, 1, groep, rng.int(1, 3))) responses.push(r);
  }
  responses.sort((a, b) => a.submitted.getTime() - b.submitted.getTime());
  const file = `ouderpopulatie-de-regenboog-${wave}-${writer.id}-${language}.csv`;
  await writeExport(join(outDir, file), writer, english, ["groep"], responses);
  return {
    file,
    instrument: "ouderpopulatie",
    profile: writer.id,
    encoding: writer.format.encoding,
    delimiter: writer.format.delimiter,
    flags: { bestuur, school, wave },
    rows: responses.length,
    responses: responses.length,
    ...expected(english, responses),
    description: `Ouderenquête ${school}, meting ${wave}: de Engelse kopie van het formulier (Google Forms)`,
  };
}

/**
 * Student teachers of two cohorts and both phases, each with a few conversations of the kinds the
 * instrument allows (opleidingsouders: only kennismaking and voortgang, seed 003 §4.1). With
 * `school`, one opleidingsschool's own form: fewer students, all of the Pabo HvA, cohort 2024.
 */
function pabo(instrument: Instrument, rng: Random, school?: string): SimResponse[] {
  const kinds = instrument.dimensions.find((d) => d.id === "gesprekssoort")?.values?.map((v) => v.code) ?? [];
  const sections = new Map(instrument.sections.map((s) => [s.id, s]));
  const out: SimResponse[] = [];
  for (const cohort of school === undefined ? ["2023", "2024"] : ["2024"]) {
    for (const fase of ["hoofdfase", "afstudeerfase"]) {
      for (let s = 0; s < (school === undefined ? 14 : 7); s++) {
        const student = `${rng.pick(firstNames)} ${rng.pick(lastNames)} (${cohort}-${fase.slice(0, 1)}${s}${school === undefined ? "" : "-l"})`;
        const opleiding = school === undefined && s % 4 === 0 ? "upva" : "pabo_hva";
        const variant = s % 5 === 0 ? "deeltijd" : "voltijd";
        const practice =
          school ?? rng.pick(["OBS De Linde", "Basisschool Het Anker", "IKC De Pijler", "OBS Oostpoort"]);
        const conversations = rng.int(1, 3);
        for (let c = 0; c < conversations; c++) {
          const kind = fase === "hoofdfase" ? rng.pick(kinds.slice(0, 3)) : rng.pick(kinds);
          const codes: Record<string, string> = {
            student,
            opleiding,
            variant,
            fase,
            cohort,
            opleidingsschool: practice,
            gesprekssoort: kind,
            rol: rng.chance(0.7) ? "mentor" : "schoolopleider",
          };
          const day = Date.UTC(
            Number(cohort) + (fase === "hoofdfase" ? 1 : 2),
            rng.int(0, 5),
            rng.int(1, 28),
          );
          codes.datum = new Date(day).toISOString().slice(0, 10);
          const context: Record<string, string> = {};
          for (const d of instrument.dimensions) {
            const code = codes[d.id];
            if (code === undefined) continue;
            context[d.id] =
              d.type === "enum"
                ? enumLabel(instrument, d.id, code)
                : d.type === "date"
                  ? `${new Date(day).getUTCDate()}-${new Date(day).getUTCMonth() + 1}-${new Date(day).getUTCFullYear()}`
                  : code;
          }
          const skill = (fase === "afstudeerfase" ? 0.72 : 0.55) + (cohort === "2024" ? 0.04 : 0);
          out.push({
            context,
            contextCodes: codes,
            answers: simulateAnswers(instrument, rng, {
              construct: () => skill,
              spread: instrument.id === "observatie" ? 0.45 : 0.7,
              texts: feedbackTexts,
              applies: (item) => {
                const when = item.section === undefined ? undefined : sections.get(item.section)?.appliesWhen;
                return when === undefined || when.values.includes(kind);
              },
            }),
            submitted: new Date(day + rng.int(9 * 3600, 17 * 3600) * 1000),
            ...person(rng),
          });
        }
      }
    }
  }
  return out;
}

/** One large ouderpopulatie export in Google Forms format, streamed; each wave index its own answers. */
async function large(out: string, n: number, instrument: Instrument, waveIndex = 0) {
  const rng = new Random(42 + waveIndex);
  const writer = new CsvWriter(out, googleForms.format);
  for (const h of googleForms.headerRows(instrument, ["groep"])) await writer.row(h);
  const perChunk = 1000;
  for (let done = 0; done < n; done += perChunk) {
    const groep = ((done / perChunk) % 8) + 1;
    const chunk = ouderpopulatie(instrument, rng, 1, waveIndex, groep, Math.min(perChunk, n - done));
    for (const [i, r] of chunk.entries())
      await writer.row(googleForms.row(instrument, ["groep"], r, done + i));
  }
  await writer.close();
}

const profileNames: Record<string, string> = {
  "google-forms": "Google Forms",
  "microsoft-forms": "Microsoft Forms via Nederlandse Excel",
  limesurvey: "LimeSurvey (antwoordcodes)",
  surveymonkey: "SurveyMonkey",
  qualtrics: "Qualtrics",
};
const encodingNames: Record<string, string> = {
  utf8: "UTF-8",
  "utf8-bom": "UTF-8 met BOM",
  win1252: "Windows-1252",
  "utf16le-bom": "UTF-16LE",
};

/** Rewrites the README's table of example files between its markers, so the counts stay true. */
async function updateReadme(path: string, manifest: readonly ManifestEntry[]) {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path, "utf8");
  const start = "<!-- voorbeeld:start -->";
  const end = "<!-- voorbeeld:end -->";
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README markers ${start} … ${end} not found`);
  const rows = manifest.map((e) => {
    const flags = Object.entries(e.flags)
      .filter(([k]) => k !== "bestuur")
      .map(([k, v]) => `\`--${k} "${v}"\``)
      .join(" ");
    const delimiter = e.delimiter === "\t" ? "tab" : e.delimiter;
    return `| \`${e.file}\` | ${e.instrument} | ${profileNames[e.profile]}, ${encodingNames[e.encoding]}, \`${delimiter}\` | ${flags || "—"} | ${e.responses} | ${e.answers} | ${e.missing.weet_niet} / ${e.missing.nvt} / ${e.missing.leeg} |`;
  });
  const table = [
    "| file | instrument | format | flags | responses | answers | missing: weet niet / n.v.t. / leeg |",
    "|---|---|---|---|---:|---:|---:|",
    ...rows,
  ].join("\n");
  await writeFile(path, `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`);
}

async function run() {
  const { values } = parseArgs({
    options: {
      responses: { type: "string" },
      out: { type: "string" },
      dir: { type: "string" },
      "wave-index": { type: "string", default: "0" },
    },
  });
  const { instruments: loaded, problems } = await findInstruments([defaultInstrumentDir()]);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join("\n"));
  const instruments = new Map(loaded.map((l) => [l.instrument.id, l.instrument]));
  if (values.responses !== undefined) {
    const n = Number(values.responses);
    if (!Number.isInteger(n) || n < 1) throw new Error("--responses needs a positive whole number");
    const ouder = instruments.get("ouderpopulatie");
    if (!ouder) throw new Error("instrument ouderpopulatie not found");
    const out = resolve(values.out ?? `ouderpopulatie-${n}.csv`);
    await large(out, n, ouder, Number(values["wave-index"]));
    process.stderr.write(`${n} antwoorden geschreven naar ${out}\n`);
    return;
  }
  const dir = resolve(values.dir ?? join(defaultInstrumentDir(), "..", "voorbeeld"));
  const manifest = await examples(dir, instruments);
  for (const m of manifest) process.stderr.write(`${m.file}: ${m.responses} antwoorden\n`);
  if (values.dir === undefined)
    await updateReadme(join(defaultInstrumentDir(), "..", "..", "README.md"), manifest);
}

await run();
