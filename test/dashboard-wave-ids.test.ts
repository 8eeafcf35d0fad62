import { join } from "node:path";
import { hashPassword } from "@zaz/accounts";
import { listen, MemoryUserRepository, type Serving, StoreResultsService } from "@zaz/dashboard";
import { fastScryptParams } from "@zaz/dashboard/testing";
import { openStore, type Store } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import type { View } from "@zaz/views";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login } from "../apps/dashboard/bench/http.js";
import { ingest, tempDir, voorbeeld } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * A wave is whatever the user called it at ingest: "2025 najaar" and "najaar/2026" are stored as
 * given, so the dashboard must accept them (by existence in the school's waves, not by the shape
 * of an id). End to end: `zaz ingest` with such waves, then the director's API routes.
 */

const waves = ["2025 najaar", "najaar/2026"] as const;
const files = [
  "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv",
  "ouderpopulatie-de-regenboog-2026-voorjaar-google-forms.csv",
];
const password = "een lang genoeg wachtwoord";

let store: Store;
let serving: Serving;
let cookie = "";

beforeAll(async () => {
  const db = await newTestDatabase(tempDir("zaz-wave-ids-"), "zaz.duckdb");
  for (const [i, wave] of waves.entries())
    await ingest(db, join(voorbeeld, files[i]!), {
      instrument: "ouderpopulatie",
      bestuur: "Stichting Samen Leren",
      school: "De Regenboog",
      wave,
    });
  store = await openStore(db);
  const privacy = privacySettings();
  if (!privacy.ok) throw new Error("privacy settings rejected");
  const passwordHash = await hashPassword(password, fastScryptParams);
  const users = new MemoryUserRepository([
    { username: "directeur", role: "directeur", scopes: { schools: ["de-regenboog"] }, passwordHash },
  ]);
  serving = await listen(
    {
      results: new StoreResultsService({ store, privacy: privacy.value }),
      users,
      config: { sessionSecret: "wave-ids-test-secret-0123456789abcdef", secureCookies: false },
      log: (error) => console.error(error),
    },
    { host: "127.0.0.1", port: 0 },
  );
  cookie = await login(serving.url, "directeur", password);
}, 120_000);

afterAll(async () => {
  await serving?.close();
  await store?.close();
});

const api = async (path: string, query: Record<string, string>) => {
  const reply = await call(`${serving.url}${path}?${new URLSearchParams(query)}`, {
    headers: { cookie, accept: "application/json" },
  });
  return { status: reply.status, body: JSON.parse(reply.body) as unknown };
};

describe("waves whose names are not ids", () => {
  it("lists them among the school's filter options, as stored", async () => {
    const { status, body } = await api("/api/filters/school", { school: "de-regenboog" });
    expect(status).toBe(200);
    expect((body as { waves: { id: string }[] }).waves.map((w) => w.id).sort()).toEqual([...waves].sort());
  });

  it("opens the class overview and a groep page of each", async () => {
    for (const wave of waves) {
      const overview = await api("/api/class-overview", { school: "de-regenboog", wave });
      expect(overview.status, wave).toBe(200);
      expect((overview.body as View).about.wave?.id).toBe(wave);
      const filters = await api("/api/filters/school", { school: "de-regenboog" });
      const groep = (filters.body as { groepen: { id: string }[] }).groepen[0]!.id;
      const page = await api("/api/groep", { school: "de-regenboog", wave, groep });
      expect(page.status, `${wave} ${groep}`).toBe(200);
    }
  });

  it("still answers 404 for a wave the school does not have", async () => {
    const reply = await api("/api/class-overview", { school: "de-regenboog", wave: "2025-najaar" });
    expect(reply.status).toBe(404);
    expect((reply.body as { error: { code: string } }).error.code).toBe("unknown-value");
  });
});
