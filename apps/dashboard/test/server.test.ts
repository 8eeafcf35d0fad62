import { readConfig } from "@zaz/dashboard";
import { demoPassword } from "@zaz/dashboard/testing";
import type { View } from "@zaz/views";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { csrfFrom, loggedInAgent, logIn, ManualClock, makeApp, sharedDemo } from "./helpers.js";

function cookieHeaders(response: request.Response): string[] {
  const header = response.headers["set-cookie"] as unknown;
  return Array.isArray(header) ? (header as string[]) : [];
}

describe("security headers", () => {
  it("sends a CSP without unsafe-eval or unsafe-inline scripts", async () => {
    const app = await makeApp();
    const response = await request(app).get("/login");
    const csp = String(response.headers["content-security-policy"]);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).toBe("'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-powered-by"]).toBeUndefined();
  });

  it("serves the chart libraries, with the interpreter's bare import rewritten", async () => {
    const app = await makeApp();
    const interpreter = await request(app).get("/vendor/vega-interpreter.js");
    expect(interpreter.status).toBe(200);
    expect(interpreter.headers["content-type"]).toMatch(/javascript/);
    expect(interpreter.text).toContain('from "/static/js/vega-util-shim.js"');
    expect(interpreter.text).not.toMatch(/from\s+['"]vega-util['"]/);
    for (const file of ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"]) {
      expect((await request(app).get(`/vendor/${file}`)).status).toBe(200);
    }
  });

  it("pages carry no inline script or style attribute", async () => {
    const agent = await loggedInAgent(await makeApp(), "directeur");
    for (const path of ["/", "/directeur", "/leerteam", "/pabo", "/directeur/groep?school=de-regenboog"]) {
      const page = await agent.get(path);
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(page.text).not.toMatch(/\sstyle=|\son[a-z]+=/i);
      expect(page.text).toContain('lang="nl"');
    }
  });
});

describe("cookies", () => {
  it("uses a __Host- cookie, Secure, HttpOnly, SameSite=Strict, Path=/ behind HTTPS", async () => {
    const app = await makeApp({ secureCookies: true, trustProxy: "loopback" });
    const agent = request.agent(app);
    const page = await agent.get("/login").set("X-Forwarded-Proto", "https");
    const csrf = cookieHeaders(page).find((c) => c.startsWith("__Host-zaz-csrf="));
    // no session before the login
    expect(cookieHeaders(page).find((c) => c.startsWith("__Host-zaz="))).toBeUndefined();
    const login = await agent
      .post("/login")
      .set("X-Forwarded-Proto", "https")
      .set("Cookie", String(csrf?.split(";")[0]))
      .type("form")
      .send({ username: "docent", password: demoPassword, _csrf: csrfFrom(page.text) });
    expect(login.status).toBe(303);
    const session = cookieHeaders(login).find((c) => c.startsWith("__Host-zaz="));
    for (const cookie of [session, csrf]) {
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).not.toMatch(/Domain=/i);
    }
    expect(page.headers["strict-transport-security"]).toContain("max-age=31536000");
  });

  it("has no Secure flag and no upgrade-insecure-requests in the loopback demo mode", async () => {
    const agent = request.agent(await makeApp());
    const page = await agent.get("/login");
    const session = cookieHeaders(await logIn(agent, "docent")).find((c) => c.startsWith("zaz="));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).not.toMatch(/; Secure/);
    expect(String(page.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
  });
});

describe("configuration", () => {
  const base = { ZAZ_SESSION_SECRET: "s".repeat(40) };

  it("defaults to 127.0.0.1:3000 with secure cookies", () => {
    const config = readConfig(base);
    expect(config.ok && config.value).toMatchObject({ host: "127.0.0.1", port: 3000, secureCookies: true });
  });

  it("allows insecure cookies on loopback only", () => {
    expect(readConfig({ ...base, ZAZ_INSECURE_COOKIES: "1" }).ok).toBe(true);
    const open = readConfig({ ...base, ZAZ_INSECURE_COOKIES: "1", ZAZ_HOST: "0.0.0.0" });
    expect(open.ok).toBe(false);
    if (!open.ok) expect(open.errors[0]?.code).toBe("insecure-cookies-off-loopback");
  });

  it("refuses a short session secret with a hint", () => {
    const config = readConfig({ ZAZ_SESSION_SECRET: "kort" });
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.errors[0]?.hint).toContain("randomBytes");
  });
});

describe("login", () => {
  it("logs in, regenerates the session id and logs out", async () => {
    const app = await makeApp();
    const agent = request.agent(app);
    const before = cookieHeaders(await agent.get("/login")).find((c) => c.startsWith("zaz="));
    const page = await agent.get("/login");
    const response = await agent
      .post("/login")
      .type("form")
      .send({ username: "Directeur", password: demoPassword, _csrf: csrfFrom(page.text) });
    expect(response.status).toBe(303);
    const after = cookieHeaders(response).find((c) => c.startsWith("zaz="));
    expect(after?.split(";")[0]).not.toBe(before?.split(";")[0]);
    expect((await agent.get("/api/me")).body).toMatchObject({ username: "directeur", role: "directeur" });

    const home = await agent.get("/");
    const logout = await agent
      .post("/logout")
      .type("form")
      .send({ _csrf: csrfFrom(home.text) });
    expect(logout.status).toBe(303);
    expect((await agent.get("/api/me")).status).toBe(401);
  });

  it("rejects a login without or with a wrong CSRF token", async () => {
    const agent = request.agent(await makeApp());
    await agent.get("/login");
    const missing = await agent
      .post("/login")
      .type("form")
      .send({ username: "directeur", password: demoPassword });
    expect(missing.status).toBe(403);
    const wrong = await agent
      .post("/login")
      .type("form")
      .send({ username: "directeur", password: demoPassword, _csrf: "abc|def" });
    expect(wrong.status).toBe(403);
    expect((await agent.get("/api/me")).status).toBe(401);
  });

  it("rejects a logout without a CSRF token (no cross-site logout)", async () => {
    const agent = await loggedInAgent(await makeApp(), "docent");
    expect((await agent.post("/logout").type("form").send({})).status).toBe(403);
    expect((await agent.get("/api/me")).status).toBe(200);
  });

  it("says the same for an unknown user and a wrong password", async () => {
    const app = await makeApp();
    const unknown = await logIn(request.agent(app), "niemand", demoPassword);
    const wrong = await logIn(request.agent(app), "directeur", "verkeerd wachtwoord");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.text).toContain("Gebruikersnaam of wachtwoord klopt niet.");
    expect(wrong.text).toContain("Gebruikersnaam of wachtwoord klopt niet.");
  });

  it("never locks an account: failures slow only the client that made them", async () => {
    const app = await makeApp({ freeFailedLoginsPerAccount: 3, trustProxy: "loopback" });
    const attempt = async (ip: string, password: string) => {
      const agent = request.agent(app);
      const page = await agent.get("/login").set("X-Forwarded-For", ip);
      return agent
        .post("/login")
        .set("X-Forwarded-For", ip)
        .type("form")
        .send({ username: "leerteam", password, _csrf: csrfFrom(page.text) });
    };
    for (let i = 0; i < 3; i++) expect((await attempt("10.0.0.1", "fout fout fout")).status).toBe(401);
    const waiting = await attempt("10.0.0.1", demoPassword);
    expect(waiting.status).toBe(429);
    expect(waiting.text).toContain("Wacht 1 seconde");
    expect(waiting.headers["retry-after"]).toBe("1");
    // The account's owner, elsewhere, logs in as always.
    expect((await attempt("10.0.0.99", demoPassword)).status).toBe(303);
  });

  it("limits login attempts per IP address across accounts", async () => {
    const app = await makeApp({ loginAttemptsPerIp: 2 });
    const statuses: number[] = [];
    for (const username of ["a-user", "b-user", "c-user"]) {
      statuses.push((await logIn(request.agent(app), username, "fout fout fout")).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe("idle timeout", () => {
  it("logs out after 30 minutes without a request, and not before", async () => {
    const clock = new ManualClock();
    const agent = await loggedInAgent(await makeApp({}, clock), "leerteam");
    clock.advance(29 * 60 * 1000);
    expect((await agent.get("/api/me")).status).toBe(200);
    clock.advance(29 * 60 * 1000);
    expect((await agent.get("/api/me")).status).toBe(200);
    clock.advance(30 * 60 * 1000 + 1);
    const expired = await agent.get("/api/me");
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("not-logged-in");
    const login = await agent.get("/login");
    expect(login.text).toContain("30 minuten zonder activiteit");
  });
});

describe("API", () => {
  it("answers a class overview: the view the CLI prints, suppressed groepen without values, an ETag", async () => {
    const agent = await loggedInAgent(await makeApp(), "directeur");
    const response = await agent.get("/api/class-overview?school=de-regenboog&wave=2025-voorjaar");
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toBe("private, no-cache");
    const body = response.body as View;
    expect(body.kind).toBe("klassen");
    expect(body.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "respons",
        "ervaring-bakker",
        "ervaring-partnerschap",
        "verandering",
        "betrouwbaarheid",
      ]),
    );
    const rows = body.sections.find((s) => s.id === "respons")!.tables[0]!.rows;
    const hidden = rows.filter((r) => typeof r.n === "object" && r.n !== null && r.n.status === "suppressed");
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of hidden)
      expect(Object.keys(row.n as object).sort()).toEqual(["status", "text", "title"]);
    for (const chart of body.sections.flatMap((s) => s.charts))
      expect(chart.table.rows.length).toBeGreaterThan(0);
    // The same view again: nothing new to send.
    const again = await agent
      .get("/api/class-overview?school=de-regenboog&wave=2025-voorjaar")
      .set("If-None-Match", String(response.headers.etag));
    expect(again.status).toBe(304);
  });

  it("never sends free text of a groep under the threshold", async () => {
    const agent = await loggedInAgent(await makeApp(), "directeur");
    const { fixture } = await sharedDemo();
    const response = await agent.get("/api/groep?school=de-regenboog&wave=2025-voorjaar&groep=groep-4");
    expect(response.status).toBe(200);
    const open = (response.body as View).sections.find((s) => s.id === "open")!;
    expect(open.tables[0]!.rows[0]!.antwoord).toMatchObject({ status: "suppressed" });
    for (const answer of fixture.freeTextAnswers) expect(JSON.stringify(response.body)).not.toContain(answer);
  });

  it("answers 400 for a malformed parameter and 404 for an unknown school", async () => {
    const agent = await loggedInAgent(await makeApp(), "beheerder");
    const bad = await agent.get("/api/class-overview?school=<script>&wave=2025-voorjaar");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("school");
    expect((await agent.get("/api/class-overview?school=onbekend&wave=2025-voorjaar")).status).toBe(404);
    expect((await agent.get("/api/class-overview?school=a&school=b&wave=x")).status).toBe(400);
    expect((await agent.get("/api/bestaat-niet")).status).toBe(404);
  });

  it("filters the catalog to what the user may see", async () => {
    const agent = await loggedInAgent(await makeApp(), "directeur");
    const catalog = (await agent.get("/api/catalog")).body;
    expect(catalog).toEqual({
      besturen: [{ id: "asko", name: "ASKO", schools: [{ id: "de-regenboog", name: "De Regenboog" }] }],
      opleidingen: [],
    });
  });

  it("sends a visitor who is not logged in from a page to the login page and back", async () => {
    const response = await request(await makeApp()).get("/leerteam?bestuur=asko");
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/login?next=%2Fleerteam%3Fbestuur%3Dasko");
  });
});
