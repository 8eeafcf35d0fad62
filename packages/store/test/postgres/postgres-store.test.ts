import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  ChangedResponsesError,
  ConflictingResponsesError,
  openAccounts,
  openStore,
  researcherViewNames,
  type Store,
  StoreError,
  watchDataVersion,
} from "../../src/index.js";
import { answer, generateResponses, newImport, response } from "../helpers.js";
import { newPgDatabase, skipWithoutPostgres } from "./pg-database.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function store(url: string): Promise<Store> {
  const s = await openStore(url);
  open.push(s);
  return s;
}

async function rawCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of [
      "imports",
      "import_context",
      "responses",
      "response_context",
      "answers",
      "instruments",
    ]) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe.skipIf(skipWithoutPostgres)("the PostgreSQL store", () => {
  it("migrates at open, once, also when two processes open a new database together", async () => {
    const url = await newPgDatabase();
    const [a, b] = await Promise.all([openStore(url), openStore(url)]);
    open.push(a, b);
    expect(a.kind).toBe("postgres");
    const again = await store(url);
    expect(await again.dataVersion()).toBe(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = (await client.query("SELECT version, name FROM schema_migrations ORDER BY version"))
      .rows;
    const views = (
      await client.query(
        "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() ORDER BY 1",
      )
    ).rows;
    await client.end();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(versions[6].name).toBe("content hash of responses");
    expect(views.map((v) => v.table_name)).toEqual([...researcherViewNames].sort());
  });

  it("imports all or nothing, idempotent by file hash, and reads back what it stored", async () => {
    const url = await newPgDatabase();
    const s = await store(url);
    const before = await s.dataVersion();
    const outcome = await s.importResponses(newImport("f1", { context: { wave: "2026" }, rowsRead: 3 }), [
      response("k1", { school: "A", groep: "groep 10" }, [
        answer("q1", 1),
        answer("q2", null, "tekst\tmet\\tab\nen regel"),
      ]),
      response("k2", { school: "A", groep: "groep 2", wave: "2025" }, [answer("q1", 2.5)]),
      response("k3", { school: "B", groep: "groep 2" }, []),
    ]);
    expect(outcome).toMatchObject({
      status: "imported",
      responsesAdded: 3,
      answersAdded: 3,
      responsesSkipped: 0,
    });
    expect(await s.dataVersion()).toBe(before + 1);
    expect(await s.importResponses(newImport("f1"), [])).toMatchObject({ status: "already-imported" });
    expect(await s.countResponses({ instrumentId: "ouderpopulatie", where: { school: "A" } })).toBe(2);
    expect(await s.contextValues("ouderpopulatie", "groep")).toEqual(["groep 2", "groep 10"]);
    expect(await s.contextValues("ouderpopulatie", "wave")).toEqual(["2025", "2026"]);
    const stored = await s.selectResponses({ instrumentId: "ouderpopulatie", where: { school: "A" } });
    expect(stored.map((r) => r.key)).toEqual(["k1", "k2"]);
    expect(stored[0]?.answers).toEqual([answer("q1", 1), answer("q2", null, "tekst\tmet\\tab\nen regel")]);
    expect(stored[0]?.context).toEqual({ school: "A", groep: "groep 10", wave: "2026" });
    expect(stored[1]?.answers[0]?.code).toBe(2.5);
    const [record] = await s.listImports();
    expect(record).toMatchObject({
      id: "f1",
      responses: 3,
      answers: 3,
      rowsRead: 3,
      context: { wave: "2026" },
    });
    expect(record?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("leaves nothing when the responses fail half-way", async () => {
    const url = await newPgDatabase();
    const s = await store(url);
    async function* failing() {
      yield* generateResponses(5000, 5, { school: "A" });
      throw new Error("the file broke");
    }
    await expect(s.importResponses(newImport("broken"), failing())).rejects.toThrow("the file broke");
    expect(await s.listImports()).toEqual([]);
    expect(await rawCounts(url)).toEqual({
      imports: 0,
      import_context: 0,
      responses: 0,
      response_context: 0,
      answers: 0,
      instruments: 0,
    });
    expect(await s.dataVersion()).toBe(1);
  });

  it("skips stored responses, refuses changed ones unless asked to replace, and refuses two versions in one file", async () => {
    const url = await newPgDatabase();
    const s = await store(url);
    await s.importResponses(newImport("a"), [
      response("k1", { school: "A" }, [answer("q1", 1)]),
      response("k2", { school: "A" }, [answer("q1", 2)]),
    ]);
    const same = await s.importResponses(newImport("b"), [
      response("k1", { school: "A" }, [answer("q1", 1)]),
      response("k1", { school: "A" }, [answer("q1", 1)], 3),
      response("k3", { school: "A" }, [answer("q1", 3)]),
    ]);
    expect(same).toMatchObject({ responsesAdded: 1, responsesSkipped: 2 });
    const changed = s.importResponses(newImport("c"), [
      response("k2", { school: "A" }, [answer("q1", 4)], 7),
    ]);
    await expect(changed).rejects.toBeInstanceOf(ChangedResponsesError);
    await expect(changed).rejects.toMatchObject({
      count: 1,
      first: [{ row: 7, earlierRow: 2, earlierImportId: "a" }],
    });
    expect(await s.hasImport("c")).toBe(false);
    const conflict = s.importResponses(newImport("d"), [
      response("k9", { school: "A" }, [answer("q1", 1)], 2),
      response("k9", { school: "A" }, [answer("q1", 2)], 5),
    ]);
    await expect(conflict).rejects.toBeInstanceOf(ConflictingResponsesError);
    await expect(conflict).rejects.toMatchObject({ count: 1, pairs: [{ firstRow: 2, row: 5 }] });
    const replaced = await s.importResponses(newImport("c", { replaceChanged: true }), [
      response("k2", { school: "A" }, [answer("q1", 4)], 7),
    ]);
    expect(replaced).toMatchObject({ responsesAdded: 1, responsesReplaced: 1 });
    const imports = Object.fromEntries((await s.listImports()).map((r) => [r.id, r.responses]));
    expect(imports).toEqual({ a: 1, b: 1, c: 1 });
    const k2 = (await s.selectResponses({ instrumentId: "ouderpopulatie" })).filter((r) => r.key === "k2");
    expect(k2.map((r) => r.answers[0]?.code)).toEqual([4]);
  });

  it("erases an import and a respondent", async () => {
    const url = await newPgDatabase();
    const s = await store(url);
    await s.importResponses(newImport("a"), [
      response("k1", { school: "A", _respondent: "p-1" }, [answer("q1", 1), answer("q2", 2)]),
      response("k2", { school: "A", _respondent: "p-2" }, [answer("q1", 2)]),
    ]);
    await s.importResponses(newImport("b"), [response("k3", { school: "B" }, [answer("q1", 3)])]);
    expect(await s.removeRespondent("p-1")).toEqual({ responses: 1, answers: 2 });
    expect(await s.removeRespondent("p-1")).toEqual({ responses: 0, answers: 0 });
    expect((await s.listImports()).map((r) => [r.id, r.responses, r.answers])).toEqual([
      ["a", 1, 1],
      ["b", 1, 1],
    ]);
    expect(await s.removeImport("b")).toEqual({ responses: 1, answers: 1 });
    expect(await s.hasImport("b")).toBe(false);
    expect(await s.countResponses()).toBe(1);
    const [key] = (await s.instruments()).map((i) => i.key);
    expect(await s.analysis.instrumentsIn({ instruments: [key ?? 0] })).toEqual(new Map([[key, 1]]));
  });

  it("keeps roster, registry, action points and view results, and every change moves the data version", async () => {
    const url = await newPgDatabase();
    const s = await store(url);
    let version = await s.dataVersion();
    const moved = async () => {
      const now = await s.dataVersion();
      expect(now).toBeGreaterThan(version);
      version = now;
    };
    await s.viewResults.put("v", version, "body");
    expect(await s.viewResults.get("v")).toEqual({ dataVersion: version, body: "body" });
    await s.replaceRoster([{ school: "A", groep: "groep 3", wave: "w", families: 20 }], "roster.csv");
    await moved();
    expect(await s.viewResults.get("v")).toBeUndefined();
    await s.viewResults.put("v", version - 1, "stale");
    expect(await s.viewResults.get("v")).toBeUndefined();
    expect(await s.roster({ school: "A" })).toEqual([
      { school: "A", groep: "groep 3", wave: "w", families: 20 },
    ]);
    await s.registry.add([
      { kind: "bestuur", id: "b1", name: "Bestuur", bestuur: null, brin: null },
      { kind: "school", id: "s1", name: "School", bestuur: "b1", brin: "01AB" },
    ]);
    await moved();
    expect(await s.registry.rename("school", "s1", "Nieuwe naam")).toBe(true);
    await moved();
    expect((await s.registry.list()).map((e) => e.name)).toEqual(["Bestuur", "Nieuwe naam"]);
    await expect(
      s.registry.add([{ kind: "school", id: "s1", name: "x", bestuur: null, brin: null }]),
    ).rejects.toThrow(/al een school/);
    const point = await s.actions.add(
      {
        school: "s1",
        groep: null,
        concept: "klimaat",
        description: "Koffie",
        wie: "ib",
        wave: "w",
        effectWave: "w2",
      },
      "anna",
    );
    await moved();
    expect(point).toMatchObject({ id: 1, done: false, createdBy: "anna" });
    expect(point.createdAt).toMatch(/Z$/);
    expect(await s.actions.markDone(1, true, "bob")).toMatchObject({ done: true });
    expect(await s.actions.remove(1, "bob")).toBe(true);
    expect((await s.actions.history(1)).map((e) => e.change)).toEqual(["added", "done", "removed"]);
    expect(await s.actions.list()).toEqual([]);
  });

  it("shows nothing of an import to another Store before it commits, and all of it after", async () => {
    const url = await newPgDatabase();
    const writer = await store(url);
    const reader = await store(url);
    await writer.importResponses(newImport("first"), [response("k0", { school: "A" })]);
    const version = await reader.dataVersion();
    let halfway: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => {
      halfway = resolve;
    });
    let proceed: () => void = () => undefined;
    const resume = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    async function* slow() {
      yield* generateResponses(3000, 3, { school: "B" });
      halfway();
      await resume;
      yield* generateResponses(3000, 3, { school: "B" }, 3000);
    }
    const running = writer.importResponses(newImport("second"), slow());
    await reached;
    // 3,000 responses were sent with COPY; none may show, and the reader is not held up
    expect(await reader.countResponses()).toBe(1);
    expect(await reader.contextValues("ouderpopulatie", "school")).toEqual(["A"]);
    expect(await reader.dataVersion()).toBe(version);
    expect((await reader.listImports()).map((r) => r.id)).toEqual(["first"]);
    proceed();
    await running;
    expect(await reader.countResponses()).toBe(6001);
    expect(await reader.dataVersion()).toBe(version + 1);
  });

  it("says in Dutch which server or database it could not open, without the password", async () => {
    const url = new URL(await newPgDatabase());
    url.password = "geheim";
    url.pathname = "/bestaat_niet";
    const failure = openStore(url.toString());
    await expect(failure).rejects.toBeInstanceOf(StoreError);
    await expect(failure).rejects.toThrow(/die database bestaat niet/);
    await expect(failure).rejects.not.toThrow(/geheim/);
  });

  it("tells another process of a change at once (LISTEN/NOTIFY), and shares accounts and sessions", async () => {
    const url = await newPgDatabase();
    const writer = await store(url);
    const reader = await store(url);
    const seen: number[] = [];
    const watch = await watchDataVersion(url, (v) => seen.push(v));
    open.push({ close: () => watch.stop() });
    await writer.importResponses(newImport("a"), [response("k1", { school: "A" })]);
    expect(await reader.dataVersion()).toBe(await writer.dataVersion());
    expect(await reader.countResponses()).toBe(1);
    await expect.poll(() => seen, { timeout: 2000 }).toEqual([await writer.dataVersion()]);

    const one = await openAccounts(url);
    const two = await openAccounts(url);
    open.push(one, two);
    expect(
      await one.users.add({
        username: "anna",
        role: "leerteam",
        scopes: { schools: ["s1"] },
        passwordHash: "h",
      }),
    ).toBe("added");
    expect(await two.users.add({ username: "anna", role: "leerteam", scopes: {}, passwordHash: "h" })).toBe(
      "exists",
    );
    expect(await two.users.find("anna")).toMatchObject({
      role: "leerteam",
      scopes: { schools: ["s1"] },
      blocked: false,
    });
    await one.sessions.set("sid", '{"user":"anna"}', 2000);
    expect(await two.sessions.get("sid")).toEqual({ record: '{"user":"anna"}', expiresAt: 2000 });
    expect(await two.sessions.purgeExpired(2000)).toBe(1);
    expect(await one.sessions.get("sid")).toBeUndefined();
    expect(await two.users.setBlocked("anna", true)).toBe(true);
    expect((await one.users.list()).map((u) => [u.username, u.blocked])).toEqual([["anna", true]]);
  });
});
