import { ssoPasswordHash, ssoUsername } from "@zaz/dashboard";
import type { APIRequestContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ssoMessages } from "../src/messages.js";
import { csrfFrom, sharedDemo } from "./helpers.js";
import { newBrowserlessContext, type SsoDashboard, ssoLogin, startSsoDashboard } from "./sso-harness.js";

let dashboard: SsoDashboard;
let context: APIRequestContext;

beforeAll(async () => {
  dashboard = await startSsoDashboard((await sharedDemo()).service);
});
afterAll(async () => {
  await dashboard?.close();
});
beforeEach(async () => {
  context = await newBrowserlessContext();
  dashboard.provider.tamperIdToken = undefined;
});
afterEach(async () => {
  await context.dispose();
});

const me = async (ctx: APIRequestContext) => {
  const response = await ctx.get(`${dashboard.url}/api/me`);
  return { status: response.status(), body: response.status() === 200 ? await response.json() : undefined };
};
const usernameOf = (login: string) => ssoUsername("school", dashboard.provider.issuer, login);

describe("login with a school account (OpenID Connect)", () => {
  it("offers the school account beside the local form", async () => {
    const page = await (await context.get(`${dashboard.url}/login`)).text();
    expect(page).toContain(ssoMessages.button(undefined));
    expect(page).toContain('href="/login/sso/school"');
    expect(page).toContain('name="password"');
  });

  it("logs a director in with the school of her BRIN claim, made just in time, with no password", async () => {
    const response = await ssoLogin(context, dashboard, "dirk@regenboog");
    expect(response.status()).toBe(200);
    // on from a page of our own, so the SameSite=Strict session cookie is sent
    expect(await response.text()).toContain('http-equiv="refresh" content="0;url=/"');
    expect(await me(context)).toEqual({
      status: 200,
      body: {
        username: usernameOf("dirk@regenboog"),
        role: "directeur",
        scopes: { schools: ["de-regenboog"] },
        displayName: "Dirk de Directeur",
        sso: "school",
      },
    });
    const stored = await dashboard.users.find(usernameOf("dirk@regenboog"));
    expect(stored?.passwordHash).toBe(ssoPasswordHash("school"));
    expect((await context.get(`${dashboard.url}/api/filters/school?school=de-regenboog`)).status()).toBe(200);
    expect((await context.get(`${dashboard.url}/api/filters/school?school=het-kompas`)).status()).toBe(403);

    // the account has no password: not its marker, not anything else
    const other = await newBrowserlessContext();
    try {
      for (const password of [ssoPasswordHash("school"), "wat-dan-ook-maar-lang"]) {
        const form = await other.get(`${dashboard.url}/login`);
        const post = await other.post(`${dashboard.url}/login`, {
          form: { username: usernameOf("dirk@regenboog"), password, _csrf: csrfFrom(await form.text()) },
          maxRedirects: 0,
        });
        expect(post.status()).toBe(401);
      }
      expect((await me(other)).status).toBe(401);
    } finally {
      await other.dispose();
    }
    // and no page to set one
    expect((await context.get(`${dashboard.url}/wachtwoord`)).status()).toBe(403);
  });

  it("refuses a changed state, and an answer used twice, without a session", async () => {
    const wrongState = await ssoLogin(context, dashboard, "dirk@regenboog", (callback) => {
      callback.searchParams.set("state", "niet-de-goede-state");
      return callback;
    });
    expect(wrongState.status()).toBe(401);
    expect(await wrongState.text()).toContain(ssoMessages.failed);
    expect((await me(context)).status).toBe(401);
    expect(dashboard.warnings.at(-1)).toMatch(/state/);

    let callback: URL | undefined;
    expect((await ssoLogin(context, dashboard, "dirk@regenboog", (url) => (callback = url))).status()).toBe(
      200,
    );
    await context.post(`${dashboard.url}/logout`, { form: { _csrf: "x" } }).catch(() => undefined);
    const fresh = await newBrowserlessContext();
    try {
      // another browser, with the same code and state: it has no transaction cookie
      const replay = await fresh.get(callback!.href, { maxRedirects: 0 });
      expect(replay.status()).toBe(400);
      expect(await replay.text()).toContain(ssoMessages.expired);
      expect((await me(fresh)).status).toBe(401);
    } finally {
      await fresh.dispose();
    }
  });

  it("accepts an ID token signed again unchanged, and refuses a wrong nonce, an expired or a wrongly signed one", async () => {
    const { provider } = dashboard;
    // the control: the tampering itself is harmless, so each refusal below is its check's doing
    provider.tamperIdToken = (token) => provider.resign(token, (claims) => claims, "own");
    expect((await ssoLogin(context, dashboard, "dirk@regenboog")).status()).toBe(200);
    expect((await me(context)).status).toBe(200);

    const now = Math.floor(Date.now() / 1000);
    const cases: [string, (token: string) => Promise<string>, RegExp][] = [
      ["nonce", (t) => provider.resign(t, (c) => ({ ...c, nonce: "een-andere-nonce" }), "own"), /nonce/],
      [
        "expired",
        (t) => provider.resign(t, (c) => ({ ...c, iat: now - 7200, exp: now - 3600 }), "own"),
        /exp/,
      ],
      ["signature", (t) => provider.resign(t, (c) => c, "other"), /signature/i],
    ];
    for (const [name, tamper, reason] of cases) {
      const ctx = await newBrowserlessContext();
      try {
        provider.tamperIdToken = tamper;
        const response = await ssoLogin(ctx, dashboard, "dirk@regenboog");
        expect(response.status(), name).toBe(401);
        expect(await response.text(), name).toContain(ssoMessages.failed);
        expect((await me(ctx)).status, name).toBe(401);
        expect(dashboard.warnings.at(-1), name).toMatch(reason);
      } finally {
        await ctx.dispose();
      }
    }
  });

  it("gives a user whose claims map to nothing a clear page, no session and no account", async () => {
    const response = await ssoLogin(context, dashboard, "piet@leerling");
    expect(response.status()).toBe(403);
    const page = await response.text();
    expect(page).toContain(ssoMessages.noAccess);
    expect(page).toContain(ssoMessages.noAccessDetail("Testschool"));
    expect((await me(context)).status).toBe(401);
    expect(await dashboard.users.find(usernameOf("piet@leerling"))).toBeUndefined();
  });

  it("applies changed claims at the next login, to the sessions already open too", async () => {
    const login = "lotte@asko";
    dashboard.provider.accounts.set(login, { name: "Lotte", groups: ["leerteam-asko"] });
    expect((await ssoLogin(context, dashboard, login)).status()).toBe(200);
    expect((await me(context)).body).toMatchObject({ role: "leerteam", scopes: { bestuur: "asko" } });

    // she becomes director of De Vlinder (BRIN 34CD00) and leaves the leerteam
    dashboard.provider.accounts.set(login, {
      name: "Lotte",
      eduPersonAffiliation: "staff",
      nlEduPersonHomeOrganizationId: "34CD00",
    });
    expect((await me(context)).body).toMatchObject({ role: "leerteam" });
    const second = await newBrowserlessContext();
    try {
      expect((await ssoLogin(second, dashboard, login)).status()).toBe(200);
      for (const ctx of [second, context]) {
        expect((await me(ctx)).body).toMatchObject({
          role: "directeur",
          scopes: { schools: ["de-vlinder"] },
        });
        expect((await ctx.get(`${dashboard.url}/api/board?bestuur=asko`)).status()).toBe(403);
      }
      // and then she leaves: the next login is refused, and the open sessions see nothing
      dashboard.provider.accounts.set(login, { name: "Lotte", eduPersonAffiliation: "student" });
      expect((await ssoLogin(await newBrowserlessContext(), dashboard, login)).status()).toBe(403);
      expect((await me(context)).body).toMatchObject({ scopes: {} });
      expect((await context.get(`${dashboard.url}/api/filters/school?school=de-vlinder`)).status()).toBe(403);
    } finally {
      await second.dispose();
    }
  });

  it("ends a blocked user's sessions and gives her no new one", async () => {
    expect((await ssoLogin(context, dashboard, "dana@pabo")).status()).toBe(200);
    expect((await me(context)).body).toMatchObject({ role: "docent", scopes: { opleiding: "pabo-hva" } });
    await dashboard.users.setBlocked(usernameOf("dana@pabo"), true);
    expect((await me(context)).status).toBe(401);
    const again = await ssoLogin(context, dashboard, "dana@pabo");
    expect(again.status()).toBe(403);
    expect(await again.text()).toContain(ssoMessages.blocked);
    expect((await me(context)).status).toBe(401);
    await dashboard.users.setBlocked(usernameOf("dana@pabo"), false);
    expect((await ssoLogin(context, dashboard, "dana@pabo")).status()).toBe(200);
    expect((await me(context)).status).toBe(200);
  });

  it("logs out locally and at the provider (RP-initiated logout with the ID token as hint)", async () => {
    expect((await ssoLogin(context, dashboard, "dirk@regenboog")).status()).toBe(200);
    const home = await context.get(`${dashboard.url}/`);
    const logout = await context.post(`${dashboard.url}/logout`, {
      form: { _csrf: csrfFrom(await home.text()) },
      maxRedirects: 0,
    });
    // on from a page of our own: the CSP's form-action 'self' stops a form's redirect to the provider
    expect(logout.status()).toBe(200);
    const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(await logout.text())?.[1];
    const away = new URL(refresh!.replaceAll("&amp;", "&"));
    expect(away.origin).toBe(dashboard.provider.issuer);
    expect(away.searchParams.get("post_logout_redirect_uri")).toBe(`${dashboard.url}/login`);
    expect(away.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect((await me(context)).status).toBe(401);
    // the provider knows this client and this return address: it shows its logout page
    expect((await context.get(away.href)).status()).toBe(200);
  });
});
