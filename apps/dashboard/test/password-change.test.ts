import { verifyPassword } from "@zaz/accounts";
import { createServer, type User } from "@zaz/dashboard";
import { demoPassword, demoUsers, fastScryptParams } from "@zaz/dashboard/testing";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { type Agent, csrfFrom, logIn, ManualClock, secret, sharedDemo } from "./helpers.js";

const newPassword = "fietsen langs de amstel in mei";

async function setup() {
  const users = await demoUsers();
  const clock = new ManualClock();
  const app = createServer({
    results: (await sharedDemo()).service,
    users,
    config: { sessionSecret: secret, secureCookies: false, scryptParams: fastScryptParams },
    clock,
    log: () => {},
  });
  return { app, users, clock };
}

async function change(agent: Agent, fields: { current: string; password: string; repeat?: string }) {
  const page = await agent.get("/wachtwoord");
  expect(page.status).toBe(200);
  return agent
    .post("/wachtwoord")
    .type("form")
    .send({ ...fields, repeat: fields.repeat ?? fields.password, _csrf: csrfFrom(page.text) });
}

function sessionCookie(response: request.Response): string | undefined {
  const header: unknown = response.headers["set-cookie"];
  const cookies = Array.isArray(header) ? header.map(String) : [];
  return cookies.find((c) => c.startsWith("zaz="))?.split(";")[0];
}

describe("password change", () => {
  it("is linked from every page and needs a login", async () => {
    const { app } = await setup();
    const anonymous = await request(app).get("/wachtwoord");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe("/login?next=%2Fwachtwoord");
    const agent = request.agent(app);
    await logIn(agent, "docent");
    expect((await agent.get("/")).text).toContain('href="/wachtwoord"');
  });

  it("changes the password, gives a new session id and ends the account's other sessions", async () => {
    const { app, users } = await setup();
    const agent = request.agent(app);
    const other = request.agent(app);
    const login = await logIn(agent, "docent");
    await logIn(other, "docent");
    const elsewhere = await logIn(request.agent(app), "leerteam");
    expect((await other.get("/api/me")).status).toBe(200);

    const changed = await change(agent, { current: demoPassword, password: newPassword });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain("Uw wachtwoord is gewijzigd");
    expect(sessionCookie(changed)).toBeDefined();
    expect(sessionCookie(changed)).not.toBe(sessionCookie(login));
    const stored = (await users.find("docent")) as User;
    expect(await verifyPassword(newPassword, stored.passwordHash)).toBe(true);

    // this session goes on; the other session of the account has ended, with a reason
    expect((await agent.get("/api/me")).status).toBe(200);
    expect((await other.get("/api/me")).status).toBe(401);
    expect((await other.get("/login")).text).toContain("Het wachtwoord van dit account is gewijzigd");
    // another account's session is untouched
    expect(
      (
        await request(app)
          .get("/api/me")
          .set("Cookie", String(sessionCookie(elsewhere)))
      ).status,
    ).toBe(200);
    // the old password no longer works, the new one does
    expect((await logIn(request.agent(app), "docent")).status).toBe(401);
    expect((await logIn(request.agent(app), "docent", newPassword)).status).toBe(303);
  });

  it("refuses a wrong current password, a weak or mismatched new one, in Dutch", async () => {
    const { app, users } = await setup();
    const agent = request.agent(app);
    await logIn(agent, "directeur");
    const before = (await users.find("directeur"))?.passwordHash;

    const wrong = await change(agent, { current: "niet mijn wachtwoord", password: newPassword });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain("Het huidige wachtwoord klopt niet.");
    const common = await change(agent, { current: demoPassword, password: "qwerty123456" });
    expect(common.status).toBe(400);
    expect(common.text).toContain("veelgebruikte wachtwoorden");
    const short = await change(agent, { current: demoPassword, password: "kort" });
    expect(short.text).toContain("Het wachtwoord is te kort");
    const differ = await change(agent, { current: demoPassword, password: newPassword, repeat: "anders" });
    expect(differ.text).toContain("De twee nieuwe wachtwoorden zijn niet gelijk.");
    const same = await change(agent, { current: demoPassword, password: demoPassword });
    expect(same.text).toContain("gelijk aan het huidige");
    expect((await users.find("directeur"))?.passwordHash).toBe(before);
    expect((await agent.get("/api/me")).status).toBe(200);
  });

  it("is CSRF-protected and slows guessing of the current password", async () => {
    const { app, clock } = await setup();
    const agent = request.agent(app);
    await logIn(agent, "leerteam");
    const forged = await agent
      .post("/wachtwoord")
      .type("form")
      .send({ current: demoPassword, password: newPassword, repeat: newPassword });
    expect(forged.status).toBe(403);
    for (let i = 0; i < 5; i++) {
      expect((await change(agent, { current: `fout ${i}`, password: newPassword })).status).toBe(403);
    }
    const held = await change(agent, { current: demoPassword, password: newPassword });
    expect(held.status).toBe(429);
    expect(held.text).toContain("Te veel verkeerde wachtwoorden. Wacht 1 seconde");
    clock.advance(1000);
    expect((await change(agent, { current: demoPassword, password: newPassword })).status).toBe(200);
  });
});
