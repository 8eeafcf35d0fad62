import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SurveyResponse } from "@zaz/model";
import {
  finishedExclusion,
  type IngestStats,
  prepareIngest,
  progressExclusion,
  responseTypeExclusion,
  rowExclusion,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { testInstrument } from "../ingest/fixtures.js";
import { allRows, fixtureDir, open } from "./helpers.js";

const file = "qualtrics-preview-unfinished.csv";

async function ingest(keepUnfinished: boolean) {
  const reader = await open(readFileSync(join(fixtureDir, file)));
  const session = prepareIngest(reader, {
    file,
    instrument: testInstrument(),
    context: { school: "De Regenboog", wave: "2026-najaar" },
    pseudonymKey: new Uint8Array(32).fill(7),
    keepUnfinished,
  });
  if (!session.ok) throw new Error(JSON.stringify(session.errors));
  const responses: SurveyResponse[] = [];
  for await (const r of session.value.responses()) responses.push(r);
  return {
    responses,
    stats: session.value.stats as IngestStats,
    problems: session.value.problems,
    columns: session.value.columns,
  };
}

describe("Qualtrics preview, test, spam and unfinished rows", () => {
  it("the reader knows Status, Finished and Progress by their role", async () => {
    const reader = await open(readFileSync(join(fixtureDir, file)));
    expect(reader.profile).toBe("qualtrics");
    expect(reader.roles.slice(2, 5)).toEqual(["responseType", "progress", "finished"]);
    const rows = await allRows(reader);
    expect(rows.map((r) => rowExclusion(reader.roles, r.fields))).toEqual([
      undefined,
      "preview",
      "unfinished",
      "preview",
      undefined,
      "preview", // a test that is also unfinished: a test first
      "unfinished",
      undefined,
    ]);
  });

  it("are left out and counted; the made-up answer of the preview is no error", async () => {
    const { responses, stats, problems, columns } = await ingest(false);
    expect(problems.errors).toEqual([]);
    // the tool's own bookkeeping: not stored, and no "column dropped" warning about them
    expect(columns.slice(2, 5).map((c) => c.target)).toEqual(
      Array(3).fill({ kind: "ignore", reason: "toolMetadata" }),
    );
    expect(problems.warnings.filter((w) => w.column === "Status" || w.column === "Finished")).toEqual([]);
    expect(responses.map((r) => r.row)).toEqual([4, 8, 11]);
    expect(stats).toMatchObject({ rowsRead: 8, responses: 3, excluded: { preview: 3, unfinished: 2 } });
  });

  it("unfinished responses are kept on request; previews never", async () => {
    const { responses, stats } = await ingest(true);
    expect(responses.map((r) => r.row)).toEqual([4, 6, 8, 10, 11]);
    expect(stats.excluded).toEqual({ preview: 3, unfinished: 0 });
  });

  it("reads each cell as the DuckDB path does, per distinct value", () => {
    expect(["0", "IP Address", "Imported", "4", "16", "Offline", ""].map(responseTypeExclusion)).toEqual(
      Array(7).fill(undefined),
    );
    expect(
      ["1", "2", "8", "Survey Preview", "Survey Test", "Spam", "Enquêtevoorbeeld"].map(responseTypeExclusion),
    ).toEqual(Array(7).fill("preview"));
    expect(["False", "0", "onwaar"].map(finishedExclusion)).toEqual(Array(3).fill("unfinished"));
    expect(["True", "1", ""].map(finishedExclusion)).toEqual(Array(3).fill(undefined));
    expect(["40", "99,5", "100", ""].map(progressExclusion)).toEqual([
      "unfinished",
      "unfinished",
      undefined,
      undefined,
    ]);
  });

  it("Progress decides only without a Finished column", () => {
    expect(rowExclusion(["progress"], ["50"])).toBe("unfinished");
    expect(rowExclusion(["progress", "finished"], ["50", "True"])).toBeUndefined();
    expect(rowExclusion([undefined, "meta"], ["False", "Survey Preview"])).toBeUndefined();
  });
});
