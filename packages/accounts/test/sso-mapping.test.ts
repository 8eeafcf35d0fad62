import type { RegistryEntity } from "@zaz/model";
import { describe, expect, it } from "vitest";
import {
  hashPassword,
  parseSsoMapping,
  resolveSsoAccess,
  type SsoMapping,
  ssoMessages,
  ssoPasswordHash,
  ssoProviderOf,
  ssoUsername,
  verifyPassword,
} from "../src/index.js";

const registry: RegistryEntity[] = [
  { id: "samen-leren", kind: "bestuur", name: "Stichting Samen Leren", bestuur: null, brin: null },
  { id: "12AB00", kind: "school", name: "De Regenboog", bestuur: "samen-leren", brin: "12AB00" },
  { id: "12AB01", kind: "school", name: "De Regenboog, dependance", bestuur: "samen-leren", brin: "12AB01" },
  { id: "het-palet", kind: "school", name: "Het Palet", bestuur: "samen-leren", brin: "34CD00" },
];

function mapping(json: unknown): SsoMapping {
  const parsed = parseSsoMapping(json, "koppeling.json");
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
  return parsed.value;
}

const rules = mapping({
  rules: [
    { provider: "entra", match: { groups: "GROUP-LEERTEAM" }, role: "leerteam", bestuur: "samen-leren" },
    {
      provider: "entree",
      match: { eduPersonAffiliation: ["employee", "staff"] },
      role: "directeur",
      schoolsFromClaim: "nlEduPersonHomeOrganizationId",
    },
    { provider: "entra", match: { groups: "group-dir-palet" }, role: "directeur", schools: ["het-palet"] },
    { provider: "entra", match: { groups: "group-dir-regenboog" }, role: "directeur", schools: ["12AB00"] },
    { match: { email: "docent@pabo.nl" }, role: "docent", opleiding: "pabo-hva" },
  ],
});

describe("SSO claim mapping", () => {
  it("maps an Entree BRIN claim to the school with that BRIN; a 4-character BRIN to all its vestigingen", () => {
    const staff = { eduPersonAffiliation: "employee", nlEduPersonHomeOrganizationId: "12ab00" };
    expect(resolveSsoAccess(rules, "entree", staff, registry)).toEqual({
      role: "directeur",
      scopes: { schools: ["12AB00"] },
      rules: [1],
    });
    const institution = { ...staff, nlEduPersonHomeOrganizationId: "12AB" };
    expect(resolveSsoAccess(rules, "entree", institution, registry)?.scopes).toEqual({
      schools: ["12AB00", "12AB01"],
    });
  });

  it("gives nothing to a pupil, to an unknown BRIN, or to a rule of another provider", () => {
    const pupil = { eduPersonAffiliation: "student", nlEduPersonHomeOrganizationId: "12AB00" };
    expect(resolveSsoAccess(rules, "entree", pupil, registry)).toBeUndefined();
    const unknown = { eduPersonAffiliation: "employee", nlEduPersonHomeOrganizationId: "99ZZ00" };
    expect(resolveSsoAccess(rules, "entree", unknown, registry)).toBeUndefined();
    expect(resolveSsoAccess(rules, "google", { groups: ["group-leerteam"] }, registry)).toBeUndefined();
  });

  it("lets the first matching rule decide the role, and adds the schools of later rules of that role", () => {
    const both = { groups: ["group-dir-palet", "GROUP-DIR-REGENBOOG"] };
    expect(resolveSsoAccess(rules, "entra", both, registry)).toEqual({
      role: "directeur",
      scopes: { schools: ["het-palet", "12AB00"] },
      rules: [2, 3],
    });
    const alsoLeerteam = { groups: ["group-dir-palet", "group-leerteam"] };
    expect(resolveSsoAccess(rules, "entra", alsoLeerteam, registry)).toEqual({
      role: "leerteam",
      scopes: { bestuur: "samen-leren" },
      rules: [0],
    });
    expect(resolveSsoAccess(rules, "google", { email: "Docent@Pabo.nl" }, registry)?.scopes).toEqual({
      opleiding: "pabo-hva",
    });
  });

  it("refuses a beheerder, a rule without claims and a role without its scope, naming file and field", () => {
    const parsed = parseSsoMapping(
      {
        rules: [
          { match: { groups: "x" }, role: "beheerder" },
          { match: {}, role: "leerteam", bestuur: "samen-leren" },
          { match: { groups: "x" }, role: "leerteam" },
        ],
      },
      "koppeling.json",
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["rules[0].role", "rules[1].match", "rules[2]"]));
    const messages = parsed.errors.map((e) => e.message).join("\n");
    expect(messages).toContain(ssoMessages.roleNotAllowed("beheerder"));
    expect(messages).toContain(ssoMessages.emptyMatch);
    expect(messages).toContain(ssoMessages.ruleWithoutScope("leerteam"));
    expect(parsed.errors.every((e) => e.file === "koppeling.json")).toBe(true);
  });
});

describe("SSO accounts", () => {
  it("have a password hash that no password matches, naming their provider", async () => {
    const marker = ssoPasswordHash("entree");
    expect(ssoProviderOf(marker)).toBe("entree");
    expect(ssoProviderOf(await hashPassword("een lang wachtwoord", { N: 1024, r: 8, p: 1 }))).toBeUndefined();
    for (const guess of ["", "sso", "entree", marker])
      expect(await verifyPassword(guess, marker)).toBe(false);
  });

  it("get a stable lower-case username from issuer and subject", () => {
    const a = ssoUsername("entra", "https://login.microsoftonline.com/t/v2.0", "AbC-123");
    expect(a).toMatch(/^entra\.[0-9a-f]{20}$/);
    expect(ssoUsername("entra", "https://login.microsoftonline.com/t/v2.0", "AbC-123")).toBe(a);
    expect(ssoUsername("entra", "https://login.microsoftonline.com/t/v2.0", "abc-123")).not.toBe(a);
    expect(ssoUsername("entra", "https://other", "AbC-123")).not.toBe(a);
  });
});
