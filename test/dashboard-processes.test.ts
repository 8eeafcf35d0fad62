/**
 * The deployment of README "Deployment": two dashboard processes (the server entry, apps/dashboard
 * src/bin.ts, as `node apps/dashboard/dist/bin.js` runs it) on one PostgreSQL database share a login,
 * and stop cleanly on SIGTERM; without ZAZ_SESSION_SECRET neither the server entry nor `npm start`
 * starts on PostgreSQL. PostgreSQL only: a DuckDB file has one owner.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "@zaz/accounts";
import { fastScryptParams } from "@zaz/dashboard/testing";
import { openAccounts } from "@zaz/store";
import { afterEach, describe, expect, it } from "vitest";
import { call, login } from "../apps/dashboard/bench/http.js";
import { newTestDatabase, onPostgres } from "./support/test-database.js";

const root = join(import.meta.dirname, "..");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
}

/** Runs a TypeScript entry of this repository as its own process, as `npm start` runs scripts/start.ts. */
function run(entry: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--conditions=zaz-source", "--import", "tsx", join(root, entry)], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

function startServer(env: Record<string, string>): Promise<Started> {
  const { child, output } = run("apps/dashboard/src/bin.ts", env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start niet binnen 60 s:\n${output()}`)), 60_000);
    const check = () => {
      const url = /luistert op (http:\/\/[^\s)]+)/.exec(output())?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`gestopt (${code}):\n${output()}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

describe.skipIf(!onPostgres)("two dashboard processes on one PostgreSQL database", () => {
  it("share a login, and stop on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zaz-processen-"));
    dirs.push(dir);
    const db = await newTestDatabase(dir);
    const accounts = await openAccounts(db);
    const password = `proef-${randomBytes(9).toString("base64url")}`;
    await accounts.users.add({
      username: "anna",
      role: "beheerder",
      scopes: {},
      passwordHash: await hashPassword(password, fastScryptParams),
    });
    await accounts.close();

    const env = {
      ZAZ_DB: db,
      PORT: "0",
      ZAZ_HOST: "127.0.0.1",
      ZAZ_INSECURE_COOKIES: "1",
      ZAZ_SESSION_SECRET: randomBytes(32).toString("hex"),
    };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    expect(a.url).not.toBe(b.url);

    const cookie = await login(a.url, "anna", password);
    const me = await call(`${b.url}/api/me`, { headers: { cookie, accept: "application/json" } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ username: "anna", role: "beheerder" });
    // and without the cookie the other process knows nobody
    expect((await call(`${b.url}/api/me`, { headers: { accept: "application/json" } })).status).toBe(401);

    for (const p of [a, b]) p.child.kill("SIGTERM");
    expect(await Promise.all([exited(a.child), exited(b.child)])).toEqual([0, 0]);
  }, 120_000);

  it("do not start without ZAZ_SESSION_SECRET, with a Dutch reason", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zaz-processen-"));
    dirs.push(dir);
    const db = await newTestDatabase(dir);
    const env = { ZAZ_DB: db, PORT: "0", ZAZ_SESSION_SECRET: "" };
    const server = run("apps/dashboard/src/bin.ts", env);
    expect(await exited(server.child)).toBe(1);
    expect(server.output()).toContain("ZAZ_SESSION_SECRET moet minstens 32 tekens lang zijn");
    // npm start makes a secret of its own on DuckDB; on PostgreSQL it refuses before loading anything
    const start = run("scripts/start.ts", env);
    expect(await exited(start.child)).toBe(1);
    expect(start.output()).toContain("ZAZ_SESSION_SECRET ontbreekt");
    expect(start.output()).not.toContain("voorbeeldgegevens inlezen");
  }, 120_000);
});
