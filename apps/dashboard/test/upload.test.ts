import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { type DemoResults, demoResults } from "@zaz/dashboard/testing";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dutchExcelExport } from "../../../test/support/dutch-excel-export.js";
import { type Agent, appOver, csrfFrom, loggedInAgent, uploadsOver } from "./helpers.js";

/** The upload page's routes over a store of their own (imports and erasures change it). */
describe("upload page", () => {
  let demo: DemoResults;
  let app: Express;
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, string>();
  const maxBytes = 200_000;
  const renamed = { Klas: "Leerjaar kind (één keuze)" };
  const serious = "De school neemt mij als ouder serieus.";

  beforeAll(async () => {
    demo = await demoResults();
    app = await appOver(demo.service, { apiRequestsPerMinute: 10_000 }, undefined, {
      uploads: uploadsOver(demo.store, { maxBytes }),
    });
    for (const role of ["leerteam", "beheerder", "directeur", "docent"]) {
      const agent = await loggedInAgent(app, role);
      agents.set(role, agent);
      tokens.set(role, csrfFrom((await agent.get("/")).text));
    }
  });

  afterAll(async () => {
    await demo.close();
  });

  const choice = (school: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({ school, instrument: "ouderpopulatie", naam: "regenboog-voorjaar.csv", ...extra });

  function postFile(
    role: string,
    step: string,
    query: URLSearchParams,
    body: Buffer,
    csrf = tokens.get(role),
  ) {
    const request = agents.get(role)!.post(`/api/upload/${step}?${query}`).set("content-type", "text/csv");
    return (csrf === undefined ? request : request.set("x-csrf-token", csrf)).send(body);
  }

  function postJson(role: string, path: string, body: object) {
    return agents.get(role)!.post(path).set("x-csrf-token", tokens.get(role)!).send(body);
  }

  /** The private temp folders of uploads now on disk. */
  async function uploadDirs(): Promise<string[]> {
    return (await readdir(tmpdir())).filter((name) => name.startsWith("zaz-upload-"));
  }

  it("is a page for leerteam and beheerder, with the schools of their scope; 403 for directeur and docent", async () => {
    const page = await agents.get("leerteam")!.get("/upload");
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="het-kompas"');
    expect(page.text).not.toContain('value="de-vlinder"');
    expect(page.text).toContain('<script type="module" src="/static/js/app.js">');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const admin = await agents.get("beheerder")!.get("/upload");
    expect(admin.text).toContain('value="de-vlinder"');
    for (const role of ["directeur", "docent"]) {
      expect((await agents.get(role)!.get("/upload")).status).toBe(403);
      const refused = await postFile(
        role,
        "inspecteer",
        choice("de-regenboog"),
        dutchExcelExport({ rows: 5 }),
      );
      expect(refused.status).toBe(403);
    }
  });

  it("refuses a leerteam's upload for a school outside its board, before reading the file", async () => {
    const before = await uploadDirs();
    const response = await postFile(
      "leerteam",
      "importeer",
      choice("de-vlinder"),
      dutchExcelExport({ rows: 5 }),
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("out-of-scope");
    expect(await uploadDirs()).toEqual(before);
  });

  it("needs the CSRF token", async () => {
    const response = await postFile(
      "leerteam",
      "inspecteer",
      choice("het-kompas"),
      dutchExcelExport({ rows: 5 }),
      "",
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("csrf-invalid");
  });

  it("refuses a file over the size limit (413) and keeps nothing of it", async () => {
    const before = await uploadDirs();
    const big = Buffer.concat([dutchExcelExport(), Buffer.alloc(maxBytes, 0x41)]);
    const response = await postFile("leerteam", "inspecteer", choice("het-kompas"), big);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("upload-too-large");
    expect(await uploadDirs()).toEqual(before);
  });

  it("says what a file that is not a CSV export is", async () => {
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from("[Content_Types].xml xl/workbook.xml"),
      Buffer.alloc(64),
    ]);
    const response = await postFile("leerteam", "inspecteer", choice("het-kompas"), xlsx);
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(false);
    expect(response.body.errors[0].code).toMatch(/not-csv/);
    expect(response.body.errors[0].message).toMatch(/Excel|xlsx/i);
  });

  it("shows the format and the proposed mapping of a Dutch Excel export; a fixed mapping is saved and proposed next time", async () => {
    const file = dutchExcelExport({ rename: renamed });
    const first = await postFile("leerteam", "inspecteer", choice("het-kompas"), file);
    expect(first.status).toBe(200);
    expect(first.body.format).toEqual({
      profile: expect.any(String),
      encoding: "windows-1252",
      delimiter: ";",
      rows: 101,
    });
    expect(first.body.saved).toBe(false);
    const leerjaar = first.body.columns.find((c: { header: string }) => c.header === renamed.Klas);
    expect(leerjaar.target).not.toBe("dimension:groep");
    expect(first.body.targets.dimensions).toContainEqual({ target: "dimension:groep", label: "Groep" });

    // unmapped, the export has no groep: the check says so, and nothing is written
    const unmapped = await postFile(
      "leerteam",
      "controleer",
      choice("het-kompas", { wave: "2026-voorjaar" }),
      file,
    );
    expect(unmapped.body.ok).toBe(false);

    const columns = first.body.columns.map((c: { index: number; header: string; target: string }) => ({
      index: c.index,
      header: c.header,
      target: c.header === renamed.Klas ? "dimension:groep" : c.target,
    }));
    const saved = await postJson("leerteam", "/api/upload/koppeling", {
      school: "het-kompas",
      instrument: "ouderpopulatie",
      columns,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ok: true });
    expect(await demo.store.mappings.get("het-kompas", "ouderpopulatie")).toMatchObject({
      updatedBy: "leerteam",
    });

    const again = await postFile("leerteam", "inspecteer", choice("het-kompas"), file);
    expect(again.body.saved).toBe(true);
    expect(again.body.columns.find((c: { header: string }) => c.header === renamed.Klas).target).toBe(
      "dimension:groep",
    );
    const checked = await postFile(
      "leerteam",
      "controleer",
      choice("het-kompas", { wave: "2026-voorjaar" }),
      file,
    );
    expect(checked.body.ok).toBe(true);
    expect(checked.body.summary).toMatchObject({ status: "valid", rowsRead: 101, responses: 101 });
  });

  it("a mapping naming an unknown item is refused and not saved", async () => {
    const response = await postJson("leerteam", "/api/upload/koppeling", {
      school: "de-regenboog",
      instrument: "ouderpopulatie",
      columns: [{ index: 0, header: "Tijdstempel", target: "item:bestaat_niet" }],
    });
    expect(response.body.ok).toBe(false);
    expect(await demo.store.mappings.get("de-regenboog", "ouderpopulatie")).toBeUndefined();
  });

  it("an import with errors writes nothing, says row and column, and leaves no file behind", async () => {
    const before = await uploadDirs();
    const imports = (await demo.store.listImports()).length;
    const version = await demo.store.dataVersion();
    const broken = dutchExcelExport({ broken: [4, serious, "Misschien wel"] });
    const response = await postFile(
      "leerteam",
      "importeer",
      choice("de-regenboog", { wave: "2026-voorjaar" }),
      broken,
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("rejected");
    expect(response.body.errors[0]).toMatchObject({ row: 4, column: serious, value: "Misschien wel" });
    expect((await demo.store.listImports()).length).toBe(imports);
    expect(await demo.store.dataVersion()).toBe(version);
    expect(await uploadDirs()).toEqual(before);
  });

  it("imports all or nothing, idempotently; the views see the new data; the list shows it; remove erases it", async () => {
    const before = await uploadDirs();
    const file = dutchExcelExport({ encoding: "utf8-bom" });
    const query = choice("de-regenboog", { wave: "2026-najaar" });
    const imported = await postFile("leerteam", "importeer", query, file);
    expect(imported.status).toBe(200);
    expect(imported.body.status).toBe("imported");
    expect(imported.body.summary).toMatchObject({ responsesAdded: 101 });
    expect(await uploadDirs()).toEqual(before);

    const filters = await demo.service.filters({ school: "de-regenboog" });
    expect(filters?.waves.map((w) => w.id)).toContain("2026-najaar");
    const overview = await agents
      .get("leerteam")!
      .get("/api/class-overview?school=de-regenboog&wave=2026-najaar");
    expect(overview.status).toBe(200);

    const again = await postFile("leerteam", "importeer", query, file);
    expect(again.body.status).toBe("already-imported");

    const list = await agents.get("leerteam")!.get("/api/upload/imports?school=de-regenboog");
    const record = list.body.imports.find((r: { file: string }) => r.file === "regenboog-voorjaar.csv");
    expect(record).toMatchObject({ instrument: "ouderpopulatie", wave: "2026-najaar", responses: 101 });
    // another school's list does not show it, and it cannot be removed as another school's
    const other = await agents.get("leerteam")!.get("/api/upload/imports?school=het-kompas");
    expect(other.body.imports.map((r: { id: string }) => r.id)).not.toContain(record.id);
    const wrong = await postJson("leerteam", "/api/upload/verwijder", {
      school: "het-kompas",
      import: record.id,
    });
    expect(wrong.status).toBe(404);
    // without the token nothing is removed
    const forged = await agents
      .get("leerteam")!
      .post("/api/upload/verwijder")
      .send({ school: "de-regenboog", import: record.id });
    expect(forged.status).toBe(403);

    const removed = await postJson("leerteam", "/api/upload/verwijder", {
      school: "de-regenboog",
      import: record.id,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.removed.responses).toBe(101);
    expect(await demo.store.hasImport(record.id)).toBe(false);
    const after = await demo.service.filters({ school: "de-regenboog" });
    expect(after?.waves.map((w) => w.id)).not.toContain("2026-najaar");
  });

  it("one import at a time per user: a second one meanwhile gets 429", async () => {
    const file = dutchExcelExport({ rows: 60 });
    const query = choice("het-kompas", { wave: "2027-voorjaar", naam: "a.csv" });
    const [first, second] = await Promise.all([
      postFile("beheerder", "controleer", query, file),
      postFile("beheerder", "controleer", query, file),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 429]);
  });
});
