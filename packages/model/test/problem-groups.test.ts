import { describe, expect, it } from "vitest";
import { groupProblems, type Problem } from "../src/index.js";

const cell = (row: number, column: string, code = "formula-cell"): Problem => ({
  code,
  message: `cel in ${column}`,
  file: "export.csv",
  row,
  column,
});

describe("groupProblems", () => {
  it("one group per (file, code, column) with a count and the first rows, in the order met", () => {
    const problems = [
      cell(3, "Tip"),
      cell(4, "Klas", "unknown-label"),
      ...[5, 9, 12, 20].map((r) => cell(r, "Tip")),
      cell(6, "Opmerking"),
    ];
    const groups = groupProblems(problems);
    expect(groups.map((g) => [g.code, g.column, g.count, g.rows])).toEqual([
      ["formula-cell", "Tip", 5, [3, 5, 9]],
      ["unknown-label", "Klas", 1, [4]],
      ["formula-cell", "Opmerking", 1, [6]],
    ]);
    expect(groups[0]?.first).toBe(problems[0]);
  });

  it("keeps problems without a row (about the whole file) apart", () => {
    const general: Problem = { code: "items-absent", message: "…", file: "export.csv" };
    expect(groupProblems([general, { ...general }]).map((g) => g.count)).toEqual([1, 1]);
  });

  it("counts every problem, whatever the number of rows shown", () => {
    const problems = Array.from({ length: 44 }, (_, i) => cell(i + 2, "Tip"));
    expect(groupProblems(problems, 2)).toEqual([expect.objectContaining({ count: 44, rows: [2, 3] })]);
  });
});
