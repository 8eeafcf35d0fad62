/** What SurveyMonkey writes on row 2 above a column that has only one answer. */
const plainAnswer = /^(response|antwoord|open-ended response|open antwoord|reactie|open reactie)$/i;

/**
 * SurveyMonkey's two header rows as one header per column: the question (row 1, written only
 * above the first column of a question, so it carries over to the right) and the sub-answer
 * (row 2), as "Vraag - Sub-antwoord"; just the question where row 2 says only "Response".
 */
export function combineSurveyMonkeyHeader(
  questions: readonly string[],
  answers: readonly string[],
): string[] {
  const header: string[] = [];
  let question = "";
  for (let i = 0; i < questions.length; i++) {
    const q = (questions[i] ?? "").trim();
    if (q !== "") question = q;
    const a = (answers[i] ?? "").trim();
    header.push(a === "" || plainAnswer.test(a) ? question : question === "" ? a : `${question} - ${a}`);
  }
  return header;
}

/**
 * Qualtrics' first two header rows as one header per column: the question text (row 2), or the
 * id (row 1) where there is no text. A text that occurs more than once gets its id added, so
 * every column keeps a header of its own.
 */
export function combineQualtricsHeader(ids: readonly string[], texts: readonly string[]): string[] {
  const chosen = ids.map((id, i) => {
    const text = (texts[i] ?? "").trim();
    return text === "" ? id.trim() : text;
  });
  const seen = new Map<string, number>();
  for (const h of chosen) seen.set(h, (seen.get(h) ?? 0) + 1);
  return chosen.map((h, i) =>
    (seen.get(h) ?? 0) > 1 && h !== ids[i]?.trim() ? `${h} (${ids[i]?.trim()})` : h,
  );
}
