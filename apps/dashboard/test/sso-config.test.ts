import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSsoConfig, ssoFromEnv } from "@zaz/dashboard";
import { describe, expect, it } from "vitest";
import { demoRegistry } from "./sso-harness.js";

describe("single sign-on configuration from the environment", () => {
  it("is off without providers, and reads one provider from plain variables", () => {
    expect(readSsoConfig({})).toEqual({ ok: true, value: undefined, warnings: [] });
    const one = readSsoConfig({
      ZAZ_OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
      ZAZ_OIDC_CLIENT_ID: "abc",
      ZAZ_OIDC_CLIENT_SECRET: "geheim",
      ZAZ_PUBLIC_URL: "https://zaz.bestuur.nl/",
      ZAZ_SSO_MAPPING: "/etc/zaz/koppeling.json",
    });
    expect(one.ok && one.value).toEqual({
      mappingFile: "/etc/zaz/koppeling.json",
      providers: [
        {
          id: "school",
          label: "school",
          issuer: "https://login.microsoftonline.com/tenant/v2.0",
          clientId: "abc",
          clientSecret: "geheim",
          clientAuth: "client_secret_basic",
          redirectUri: "https://zaz.bestuur.nl/login/sso/school/callback",
          postLogoutRedirectUri: "https://zaz.bestuur.nl/login",
          scopes: ["openid", "profile", "email"],
        },
      ],
    });
  });

  it("reads several from ZAZ_OIDC_PROVIDERS and names what is wrong, in Dutch", () => {
    const providers = [
      {
        id: "entree",
        label: "Entree Federatie",
        issuer: "https://entree.example",
        clientId: "a",
        scopes: ["profile"],
      },
      {
        id: "google",
        label: "Google",
        issuer: "https://accounts.google.com",
        clientId: "b",
        clientAuth: "client_secret_post",
      },
    ];
    const two = readSsoConfig(
      { ZAZ_OIDC_PROVIDERS: JSON.stringify(providers), ZAZ_PUBLIC_URL: "https://zaz.nl" },
      "/data/zijaanzij.duckdb.sso-koppeling.json",
    );
    expect(two.ok).toBe(true);
    if (!two.ok || two.value === undefined) return;
    expect(two.value.providers.map((p) => [p.id, p.scopes, p.clientAuth, "clientSecret" in p])).toEqual([
      ["entree", ["openid", "profile"], "client_secret_basic", false],
      ["google", ["openid", "profile", "email"], "client_secret_post", false],
    ]);
    expect(two.value.mappingFile).toBe("/data/zijaanzij.duckdb.sso-koppeling.json");

    const wrong = readSsoConfig({
      ZAZ_OIDC_PROVIDERS: JSON.stringify([{ id: "Entree!", issuer: "http://entree.example", clientId: "a" }]),
    });
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    const messages = wrong.errors.map((e) => e.message).join("\n");
    expect(messages).toContain("ZAZ_OIDC_PROVIDERS[0].id");
    expect(messages).toContain("Verwacht een https-adres");
    expect(readSsoConfig({ ZAZ_OIDC_PROVIDERS: "[{" }).ok).toBe(false);
    // no redirect URI and no public URL; no mapping file
    const incomplete = readSsoConfig({ ZAZ_OIDC_ISSUER: "https://x.example", ZAZ_OIDC_CLIENT_ID: "a" });
    expect(incomplete.ok ? [] : incomplete.errors.map((e) => e.column)).toEqual([
      "ZAZ_OIDC_ISSUER",
      "ZAZ_SSO_MAPPING",
    ]);
  });

  it("loads the mapping file, refuses a wrong one, and warns of ids the registry does not know", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zaz-sso-"));
    try {
      const file = join(dir, "koppeling.json");
      const env = {
        ZAZ_OIDC_ISSUER: "http://127.0.0.1:1",
        ZAZ_OIDC_CLIENT_ID: "a",
        ZAZ_OIDC_REDIRECT_URL: "http://127.0.0.1:3000/login/sso/school/callback",
        ZAZ_SSO_MAPPING: file,
      };
      const options = { registry: async () => demoRegistry(), warn: () => {} };
      await writeFile(file, JSON.stringify({ rules: [{ match: { groups: "x" }, role: "beheerder" }] }));
      const refused = await ssoFromEnv(env, options);
      expect(refused.ok ? [] : refused.errors.map((e) => [e.file, e.path])).toEqual([
        [file, "rules[0].role"],
      ]);

      await writeFile(
        file,
        JSON.stringify({
          rules: [{ match: { groups: "x" }, role: "directeur", schools: ["de-regenboog", "bestaat-niet"] }],
        }),
      );
      const loaded = await ssoFromEnv(env, options);
      expect(loaded.ok).toBe(true);
      expect(loaded.warnings.map((w) => [w.path, w.value])).toEqual([["rules[0].schools", "bestaat-niet"]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
