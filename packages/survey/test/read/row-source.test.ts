import type { ColumnRole, RowSource, SourceRow } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { open, utf8 } from "./helpers.js";

describe("CsvReader as the ingest stage's RowSource", () => {
  it("is one as it is: header, roles and rows() fit", async () => {
    const reader = await open(utf8("Tijdstempel,E-mailadres,Groep\n2026-03-02,a@example.nl,Groep 5\n"));
    // A compile-time check as much as a runtime one: no adapter is needed.
    const source: RowSource = reader;
    const roles: readonly (ColumnRole | undefined)[] = source.roles;
    expect(roles).toEqual(["timestamp", "email", undefined]);
    const rows: SourceRow[] = [];
    for await (const row of source.rows()) rows.push(row);
    expect(rows).toEqual([{ row: 2, fields: ["2026-03-02", "a@example.nl", "Groep 5"] }]);
  });
});
