import { isPseudonym, type StudentDevelopment, studentDevelopment } from "@zaz/survey";
import { groupLabel } from "./construct-matrix.js";
import { instrumentOf, type ReportContext, ReportError, responsesOf } from "./load.js";
import { reportMessages as msg } from "./messages.js";
import { methodSection } from "./method.js";
import { formatNumber, type Report, type ReportSection, type ReportValue } from "./report.js";
import { unwrap } from "./unwrap.js";

/**
 * One student teacher's own feedback over time, for the student and mentor only: nothing about
 * other students, no comparison, no ranking. The pseudonym is what `zaz pseudoniem` gives.
 */
export async function ontwikkelingReport(
  context: ReportContext,
  params: { student: string },
): Promise<Report> {
  const { student } = params;
  if (!isPseudonym(student)) throw new ReportError(msg.notAPseudonym(student));
  const sections: ReportSection[] = [];
  for (const id of ["opleidingsouders", "observatie"] as const) {
    const instrument = instrumentOf(context, id);
    const responses = await responsesOf(context, id, { student });
    if (responses.length === 0) continue;
    const development = unwrap(studentDevelopment(instrument, responses, student));
    sections.push(id === "opleidingsouders" ? feedbackSection(development) : observationSection(development));
  }
  if (sections.length === 0) throw new ReportError(msg.noStudent(student));
  const { k, kText } = context.privacy;
  return {
    kind: "ontwikkeling",
    title: msg.ontwikkelingTitle,
    subtitle: msg.ontwikkelingSubtitle(student),
    generatedAt: context.now().toISOString(),
    privacy: { k, kText },
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

function when(entry: StudentDevelopment["entries"][number]): string {
  return `${entry.date ?? "onbekende datum"} · ${groupLabel(entry.context.filter((c) => c.dimension === "gesprekssoort" || c.dimension === "fase"))}`;
}

function feedbackSection(dev: StudentDevelopment): ReportSection {
  const rows: Record<string, ReportValue>[] = [];
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

function observationSection(dev: StudentDevelopment): ReportSection {
  const rows = dev.entries.map((entry) => {
    const scored = entry.answers.filter((a) => a.codes.length > 0 && !a.item.endsWith("_opm"));
    const ja = scored.filter((a) => a.codes.includes(1)).length;
    const remarks = entry.answers
      .filter((a) => a.item.endsWith("_opm") && a.values.length > 0)
      .map((a) => a.values.join(" "));
    return {
      gesprek: when(entry),
      ja: `${ja} van ${scored.length}`,
      opmerkingen: remarks.join(" · "),
    };
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
