import { type Instrument, type InstrumentRole, leerlijnSource, InstrumentRole as Role } from "@zaz/model";
import type { StoredResponse } from "@zaz/store";
import { isPseudonym, type StudentDevelopment, studentDevelopment } from "@zaz/survey";
import { feedbackQuestions } from "../data/feedback-questions.js";
import { sourceFor } from "../data/source.js";
import { ViewError } from "../messages.js";
import { groupLabel } from "../sections/construct-matrix.js";
import type { CellValue, Section, View } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { msg, unwrap, viewHead } from "./view-base.js";

/**
 * One student teacher's own feedback over time, for the student and mentor only: nothing about
 * other students, no comparison, no ranking. The pseudonym is what `zaz pseudoniem` gives. This
 * view reads the student's own responses (a handful), never a group's.
 */
export async function ontwikkelingView(context: ViewContext, params: { student: string }): Promise<View> {
  const head = await viewHead(context, "ontwikkeling");
  const { student } = params;
  if (!isPseudonym(student)) throw new ViewError(msg.notAPseudonym(student));
  const sections: Section[] = [];
  for (const role of [Role.opleidingsouders, Role.observatie] as const) {
    const found = await developmentOf(context, role, student);
    if (found === null) continue;
    sections.push(
      role === Role.opleidingsouders
        ? feedbackSection(found.development, found.instrument)
        : observationSection(found.development),
    );
  }
  if (sections.length === 0) throw new ViewError(msg.noStudent(student));
  return {
    ...head,
    title: msg.ontwikkelingTitle,
    subtitle: msg.ontwikkelingSubtitle(student),
    about: { student: { id: student, name: student } },
    links: [],
    facts: [],
    sections,
    method: [
      {
        heading: "Voor ontwikkeling, niet voor beoordeling",
        text: `Dit verslag bevat alleen de eigen feedback van de student: wat opleidingsouders na een oefengesprek vertelden en wat de mentor of schoolopleider observeerde. Het is bedoeld om met de begeleider over de eigen ontwikkeling te praten ('${leerlijnSource}', hoofdstuk 3 en 4) en wordt niet gebruikt om te beoordelen of studenten te vergelijken.`,
      },
    ],
  };
}

async function developmentOf(
  context: ViewContext,
  role: InstrumentRole,
  student: string,
): Promise<{ development: StudentDevelopment; instrument: Instrument } | null> {
  const source = await sourceFor(context, role, { student });
  if (source === null) return null;
  const ids = [...new Set([...source.instruments.values()].map((i) => i.id))];
  const responses: StoredResponse[] = [];
  for (const instrumentId of ids)
    responses.push(...(await context.store.selectResponses({ instrumentId, where: { student } })));
  if (responses.length === 0) return null;
  return {
    development: unwrap(studentDevelopment(source.instrument, responses, student)),
    instrument: source.instrument,
  };
}

function when(entry: StudentDevelopment["entries"][number]): string {
  return `${entry.date ?? "onbekende datum"} · ${groupLabel(entry.context.filter((c) => c.dimension === "gesprekssoort" || c.dimension === "fase"))}`;
}

/** A missing closed answer in words; "" where the form had no closed answer or it was left empty. */
function missingText(kind: string | null): string {
  return kind === "weet_niet" ? "weet ik niet" : kind === "nvt" ? "n.v.t." : "";
}

/**
 * Per conversation and question, the parents' own words and, where the form has one, their short
 * answer. No score: opleidingsouders give their experience, not a judgement (also for feedback
 * stored with an older version of the instrument that had a four-point answer).
 */
function feedbackSection(dev: StudentDevelopment, instrument: Instrument): Section {
  const questions = feedbackQuestions(instrument);
  const rows: Record<string, CellValue>[] = [];
  for (const entry of dev.entries) {
    const answers = new Map(entry.answers.map((a) => [a.item, a]));
    for (const q of questions) {
      const open = q.open === null ? undefined : answers.get(q.open);
      const closed = q.closed === null ? undefined : answers.get(q.closed);
      const words = open?.values.join(" ") ?? "";
      const short =
        closed === undefined ? "" : closed.missing ? missingText(closed.missing) : closed.values.join(", ");
      if (words === "" && short === "") continue;
      rows.push({ gesprek: when(entry), vraag: q.text, antwoord: words, kort: short });
    }
  }
  const hasShort = rows.some((r) => r.kort !== "");
  return {
    id: "opleidingsouders",
    heading: "Wat opleidingsouders vertelden",
    intro:
      "Per gesprek de antwoorden van de opleidingsouders op de vijf vragen, in hun eigen woorden; waar het formulier een kort antwoord had, staat dat erbij. Ouders vertellen hoe zij het gesprek beleefden.",
    tables: [
      {
        id: "feedback",
        caption: "Antwoorden van opleidingsouders",
        columns: [
          { key: "gesprek", title: "gesprek", wrap: true },
          { key: "vraag", title: "vraag", wrap: true },
          { key: "antwoord", title: "in hun woorden", wrap: true },
          ...(hasShort ? [{ key: "kort", title: "kort antwoord", wrap: true }] : []),
        ],
        rows: hasShort ? rows : rows.map(({ kort: _, ...r }) => r),
      },
    ],
    charts: [],
  };
}

function observationSection(dev: StudentDevelopment): Section {
  const rows = dev.entries.map((entry) => {
    const scored = entry.answers.filter((a) => a.codes.length > 0 && !a.item.endsWith("_opm"));
    const ja = scored.filter((a) => a.codes.includes(1)).length;
    const remarks = entry.answers
      .filter((a) => a.item.endsWith("_opm") && a.values.length > 0)
      .map((a) => a.values.join(" "));
    return { gesprek: when(entry), ja: `${ja} van ${scored.length}`, opmerkingen: remarks.join(" · ") };
  });
  return {
    id: "observaties",
    heading: "Wat de observator zag",
    intro:
      "Per geobserveerd gesprek hoeveel observatie-items met JA gescoord zijn ('duidelijk aan bod gekomen'), met de opmerkingen.",
    tables: [
      {
        id: "observaties",
        caption: "Observaties per gesprek",
        columns: [
          { key: "gesprek", title: "gesprek", wrap: true },
          { key: "ja", title: "JA", align: "right" },
          { key: "opmerkingen", title: "opmerkingen", wrap: true },
        ],
        rows,
      },
    ],
    charts: [],
  };
}
