import { privacySettings } from "@zaz/survey";
import { type ViewRequest, ViewService } from "@zaz/views";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDemo } from "./helpers.js";

/**
 * The views kept in memory are shared fairly: one user asking for many distinct views evicts only
 * their own, never the views others are served from; a kept view is served without admission.
 */

let service: ViewService;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const demo = await sharedDemo();
  const privacy = privacySettings();
  if (!privacy.ok) throw new Error("privacy settings rejected");
  // not persisted: every miss is a computation, so admissions count misses exactly
  service = new ViewService(
    { store: demo.store, privacy: privacy.value, now: () => new Date() },
    { limit: 6, perOwner: 3, persist: false },
  );
  close = () => Promise.resolve();
});

afterAll(() => close?.());

const klassen = (school: string, wave: string): ViewRequest => ({
  kind: "klassen",
  params: { school, wave },
});
const waves = ["2023-najaar", "2024-voorjaar", "2024-najaar", "2025-voorjaar"];

describe("ViewService memory", () => {
  it("keeps an owner to their quota, evicting only their own views, and admits misses only", async () => {
    let admitted = 0;
    const ask = (owner: string) => ({
      owner,
      admit: async () => {
        admitted++;
        return () => {};
      },
    });
    // the directeur's views, and one shared (precomputed) view
    await service.get(klassen("de-regenboog", "2025-voorjaar"));
    for (const wave of waves.slice(1, 3)) await service.get(klassen("de-regenboog", wave), ask("directeur"));
    expect(admitted).toBe(2);
    // a hostile user asks for many distinct views: far more than their quota, more than the whole cache
    for (const school of ["het-kompas", "de-vlinder"])
      for (const wave of waves) await service.get(klassen(school, wave), ask("hostile"));
    expect(admitted).toBe(10);
    const kept = service.keptPerOwner();
    expect(kept.get("hostile")).toBe(3);
    expect(kept.get("directeur")).toBe(2);
    expect(kept.get("")).toBe(1);
    // the others' views are still kept: served at once, without admission
    await service.get(klassen("de-regenboog", "2025-voorjaar"), ask("directeur"));
    await service.get(klassen("de-regenboog", "2024-najaar"), ask("directeur"));
    await service.get(klassen("de-regenboog", "2025-voorjaar"), ask("hostile"));
    expect(admitted).toBe(10);
  });

  it("keeps a view that cannot be made, so asking again costs nothing until the data change", async () => {
    let admitted = 0;
    const ask = {
      owner: "hostile",
      admit: async () => {
        admitted++;
        return () => {};
      },
    };
    for (let i = 0; i < 3; i++)
      await expect(service.get(klassen("de-regenboog", "1999-najaar"), ask)).rejects.toThrow();
    expect(admitted).toBe(1);
  });

  it("refuses a miss when admission refuses, and keeps nothing for it", async () => {
    const refused = new Error("te veel");
    const ask = { owner: "other", admit: () => Promise.reject(refused) };
    await expect(service.get(klassen("het-kompas", "2023-najaar"), ask)).rejects.toBe(refused);
    expect(service.keptPerOwner().get("other")).toBeUndefined();
  });
});
