import type { RegistryEntity } from "@zaz/model";
import { describe, expect, it } from "vitest";
import { matchEntity } from "../../src/registry/entity-match.js";
import { planRegistration, RegistrationMode } from "../../src/registry/registration.js";
import { registryResolver } from "../../src/registry/registry-resolver.js";

const board = (id: string, name: string): RegistryEntity => ({
  id,
  kind: "bestuur",
  name,
  bestuur: null,
  brin: null,
});
const school = (id: string, name: string, bestuur: string | null): RegistryEntity => ({
  id,
  kind: "school",
  name,
  bestuur,
  brin: null,
});
const registry = [
  board("noord", "Stichting Noord"),
  board("zuid", "Stichting Zuid"),
  school("de-regenboog", "De Regenboog", "noord"),
  school("de-regenboog-2", "De Regenboog", "zuid"),
  school("het-palet", "Het Palet", "noord"),
];

describe("matching a written name against the registry", () => {
  it("finds by id or exact name after NFC, trimming and collapsing spaces", () => {
    expect(matchEntity(registry, "het-palet", { kind: "school" })).toMatchObject({ status: "found" });
    expect(matchEntity(registry, "  Het   Palet ", { kind: "school" })).toMatchObject({
      status: "found",
      entity: { id: "het-palet" },
    });
    expect(matchEntity(registry, "Stichting Zuid", { kind: "bestuur" })).toMatchObject({
      entity: { id: "zuid" },
    });
  });

  it("takes a case variant, accents or a typo for near, never for found", () => {
    for (const written of ["HET PALET", "Hét Palet", "Het Pallet"])
      expect(matchEntity(registry, written, { kind: "school" })).toMatchObject({
        status: "near",
        suggestion: { id: "het-palet" },
      });
    expect(matchEntity(registry, "De Vlinder", { kind: "school" })).toEqual({ status: "unknown" });
  });

  it("is ambiguous for a name two boards share, unless the board is given", () => {
    const m = matchEntity(registry, "De Regenboog", { kind: "school" });
    expect(m.status).toBe("ambiguous");
    expect(matchEntity(registry, "De Regenboog", { kind: "school", bestuur: "zuid" })).toMatchObject({
      entity: { id: "de-regenboog-2" },
    });
    expect(matchEntity(registry, "Het Palet", { kind: "school", bestuur: "zuid" })).toMatchObject({
      status: "elsewhere",
    });
  });
});

describe("resolving a context", () => {
  it("gives ids, and fills in the school's board when the context names none", () => {
    const resolver = registryResolver(registry, { dimensions: ["bestuur", "school", "wave"] });
    expect(resolver.resolve({ school: "Het Palet", wave: "W" })).toEqual({
      ok: true,
      context: { school: "het-palet", bestuur: "noord", wave: "W" },
    });
    const refused = resolver.resolve({ school: "DE REGENBOOG", bestuur: "Stichting Noord" });
    expect(refused).toMatchObject({ ok: false, issues: [{ dimension: "school", code: "registry-near" }] });
  });
});

describe("planning a registration", () => {
  it("gives a second school of a name a frozen id of its own", () => {
    const planned = planRegistration(
      registry,
      { school: "De Regenboog", bestuur: "Stichting West" },
      RegistrationMode.explicit,
    );
    expect(planned.ok && planned.value.entities.map((e) => [e.kind, e.id, e.bestuur])).toEqual([
      ["bestuur", "stichting-west", null],
      ["school", "de-regenboog-3", "stichting-west"],
    ]);
  });

  it("refuses a near name on ingest, but registers it on purpose (with a warning)", () => {
    const request = { school: "HET PALET", bestuur: "Stichting Noord" };
    expect(planRegistration(registry, request, RegistrationMode.onIngest)).toMatchObject({ ok: false });
    const explicit = planRegistration(registry, request, RegistrationMode.explicit);
    expect(explicit).toMatchObject({ ok: true, value: { school: { id: "het-palet-2" } } });
    expect(explicit.warnings[0]?.code).toBe("registry-similar");
  });

  it("uses what exists on ingest, and refuses an existing school when added again", () => {
    const request = { school: "Het Palet", bestuur: "Stichting Noord" };
    expect(planRegistration(registry, request, RegistrationMode.onIngest)).toMatchObject({
      ok: true,
      value: { entities: [], school: { id: "het-palet" } },
    });
    expect(planRegistration(registry, request, RegistrationMode.explicit)).toMatchObject({
      ok: false,
      errors: [{ code: "registry-exists" }],
    });
  });

  it("takes a valid BRIN as the id, and refuses an invalid one", () => {
    expect(
      planRegistration(registry, { school: "De Vlinder", brin: "12ab00" }, RegistrationMode.explicit),
    ).toMatchObject({ ok: true, value: { school: { id: "12AB00", brin: "12AB00" } } });
    expect(
      planRegistration(registry, { school: "De Vlinder", brin: "12-AB" }, RegistrationMode.explicit),
    ).toMatchObject({ ok: false, errors: [{ code: "registry-invalid-brin" }] });
  });
});
