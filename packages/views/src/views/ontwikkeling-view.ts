import { type InstrumentRole, InstrumentRole as Role } from "@zaz/model";
import type { StoredResponse } from "@zaz/store";
import { isPseudonym, type StudentDevelopment, studentDevelopment } from "@zaz/survey";
import { sourceFor } from "../data/source.js";
import { formatNumber } from "../format.js";
import { ViewError } from "../messages.js";
import { methodSection } from "../method.js";
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
    const development = await developmentOf(context, role, student);
    if (development === null) continue;
    sections.push(
      role === Role.opleidingsouders ? feedbackSection(development) : observationSection(development),
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
        text: "Dit verslag bevat alleen de eigen feedback van de student: wat opleidingsouders na een oefengesprek vertelden en wat de mentor of schoolopleider observeerde. Het is bedoeld om met de begeleider over de eigen ontwikkeling te praten (seed 003, hoofdstuk 3 en 4) en wordt niet gebruikt om te beoordelen of studenten te vergelijken.",
      },
      ...methodSection(context.privacy, []).slice(0, 1),
    ],
  };
}

async function developmentOf(
  context: ViewContext,
  role: InstrumentRole,
  student: string,
): Promise<StudentDevelopment | null> {
  const source = await sourceFor(context, role, { student });
  if (source === null) return null;
  const ids = [...new Set([...source.instruments.values()].map((i) => i.id))];
  const responses: StoredResponse[] = [];
  for (const instrumentId of ids)
    responses.push(...(await context.store.selectResponses({ instrumentId, where: { student } })));
  if (responses.length === 0) return null;
  return unwrap(studentDevelopment(source.instrument, responses, student));
}

function when(entry: StudentDevelopment["entries"][number]): string {
  return `${entry.date ?? "onbekende datum"} · ${groupLabel(entry.context.filter((c) => c.dimension === "gesprekssoort" || c.dimension === "fase"))}`;
}

function feedbackSection(dev: StudentDevelopment): Section {
  const rows: Record<string, CellValue>[] = [];
  for (const entry of dev.entries) {
    const comments = new Map(
      entry.answers
        .filter((a) => a.item.endsWith("_toelichting"))
        .map((a) => [a.item.replace(/_toelichting$/, ""), a.values.join(" ")]),
    );
    for (const a of entry.answers) {
      if (a.item.endsWith("_toelichting")) continue;
      rows.push({
        gesprek: when(entry),
        vraag: a.text,
        antwoord: a.missing
          ? a.missing === "weet_niet"
            ? "weet ik niet"
            : a.missing === "nvt"
              ? "n.v.t."
              : "(leeg)"
          : a.values.join(", "),
        toelichting: comments.get(a.item) ?? "",
      });
    }
  }
  const scores = dev.entries.map((e) => ({
    gesprek: when(e),
    ...Object.fromEntries(
      dev.constructs.map((c) => [
        c.id,
        e.scores[c.id] === undefined ? "–" : formatNumber(e.scores[c.id] ?? 0),
      ]),
    ),
  }));
  return {
    id: "opleidingsouders",
    heading: "Wat opleidingsouders vertelden",
    intro: "Per gesprek de antwoorden van de opleidingsouders op de vijf vragen, met hun toelichting.",
    tables: [
      {
        id: "beleving-over-tijd",
        caption: "Beleving per gesprek (1–4)",
        columns: [
          { key: "gesprek", title: "gesprek", wrap: true },
          ...dev.constructs.map((c) => ({ key: c.id, title: c.name, align: "right" as const })),
        ],
        rows: scores,
      },
      {
        id: "feedback",
        caption: "Antwoorden en toelichting",
        columns: [
          { key: "gesprek", title: "gesprek", wrap: true },
          { key: "vraag", title: "vraag", wrap: true },
          { key: "antwoord", title: "antwoord", wrap: true },
          { key: "toelichting", title: "toelichting", wrap: true },
        ],
        rows,
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
