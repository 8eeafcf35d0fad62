import { type Instrument, parseInstrument, type SurveyResponse } from "@zaz/model";
import { privacySettings } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { filterIsSafe } from "./via-responses.js";

const instrument: Instrument = (() => {
  const parsed = parseInstrument({
    id: "fb",
    version: "1.0",
    title: "Feedback",
    purpose: "ontwikkeling",
    dimensions: [
      { id: "student", label: "Student", pseudonymise: true },
      { id: "fase", label: "Fase" },
      { id: "cohort", label: "Cohort" },
    ],
    scales: [
      {
        id: "s",
        name: "S",
        labels: [
          { code: 1, label: "a" },
          { code: 2, label: "b" },
        ],
      },
    ],
    items: [{ id: "q", text: "Q", type: "scale", scale: "s" }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
})();

const privacy = (() => {
  const p = privacySettings({ k: 5 });
  if (!p.ok) throw new Error("privacy");
  return p.value;
})();

function responses(
  spec: { fase: string; cohort: string; students: number; each?: number }[],
): SurveyResponse[] {
  let i = 0;
  return spec.flatMap(({ fase, cohort, students, each = 1 }) =>
    Array.from({ length: students * each }, (_, j) => ({
      key: `r${i++}`,
      row: i + 1,
      submittedAt: null,
      context: { student: `p-${fase}-${cohort}-${j % students}`, fase, cohort },
      answers: [{ item: "q", code: 1, text: null, missing: null }],
    })),
  );
}

describe("filterIsSafe", () => {
  it("allows a filter whose rest is empty or holds at least k students", () => {
    const data = responses([
      { fase: "hoofdfase", cohort: "2023", students: 6 },
      { fase: "afstudeerfase", cohort: "2023", students: 5 },
    ]);
    expect(filterIsSafe(instrument, data, { fase: "hoofdfase" }, privacy)).toBe(true);
    expect(filterIsSafe(instrument, data, { cohort: "2023" }, privacy)).toBe(true); // rest empty
  });

  it("refuses a filter that leaves fewer than k students outside it", () => {
    // 6 hoofdfase students; 2 afstudeerfase students with 3 conversations each (6 responses).
    const data = responses([
      { fase: "hoofdfase", cohort: "2023", students: 6 },
      { fase: "afstudeerfase", cohort: "2023", students: 2, each: 3 },
    ]);
    // Unfiltered minus "hoofdfase" would reveal the two afstudeerfase students' feedback.
    expect(filterIsSafe(instrument, data, { fase: "hoofdfase" }, privacy)).toBe(false);
  });

  it("checks every wider view, not only one filter dropped at a time", () => {
    const data = responses([
      { fase: "hoofdfase", cohort: "2023", students: 6 },
      { fase: "hoofdfase", cohort: "2024", students: 6 },
      { fase: "afstudeerfase", cohort: "2023", students: 6 },
      { fase: "afstudeerfase", cohort: "2024", students: 2 },
    ]);
    // Dropping only the cohort leaves hoofdfase 2024 (6) — fine; dropping only the fase leaves
    // afstudeerfase 2023 (6) — fine; dropping both leaves 6 + 6 + 2 — fine. All safe.
    expect(filterIsSafe(instrument, data, { fase: "hoofdfase", cohort: "2023" }, privacy)).toBe(true);
    // For afstudeerfase 2023, dropping the fase leaves hoofdfase 2023 (6), but dropping the cohort
    // leaves afstudeerfase 2024: 2 students.
    expect(filterIsSafe(instrument, data, { fase: "afstudeerfase", cohort: "2023" }, privacy)).toBe(false);
  });
});
