import { randomBytes } from "node:crypto";
import {
  type Clock,
  createServer,
  type ResultsService,
  type ServerConfigInput,
  Uploads,
  type UploadsOptions,
} from "@zaz/dashboard";
import {
  type DemoResults,
  demoPassword,
  demoResults,
  demoUsers,
  fastScryptParams,
} from "@zaz/dashboard/testing";
import type { Store } from "@zaz/store";
import { defaultInstrumentDir } from "@zaz/survey";
import type { Express } from "express";
import request from "supertest";

/** Answers every print with the same few bytes of PDF header, without starting Chromium. */
export const stubPrinter = { print: async () => new TextEncoder().encode("%PDF-1.7\n% stand-in\n") };

export const secret = "test-secret-that-is-long-enough-0123456789";

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  time = Date.UTC(2025, 3, 1, 9, 0, 0);
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

let shared: Promise<DemoResults> | undefined;

/** One demo store per test file: generating it costs a second, and the tests only read it. */
export function sharedDemo(): Promise<DemoResults> {
  shared ??= demoResults();
  return shared;
}

export async function makeApp(config: Partial<ServerConfigInput> = {}, clock?: Clock): Promise<Express> {
  const demo = await sharedDemo();
  return appOver(demo.service, config, clock, { uploads: uploadsOver(demo.store) });
}

/** The upload pipeline over a store, with a throwaway pseudonym key and the repository's instruments. */
export function uploadsOver(store: Store, options: Partial<UploadsOptions> = {}): Uploads {
  const key = randomBytes(32);
  return new Uploads({
    store,
    pseudonymKey: async () => key,
    instrumentDirs: [defaultInstrumentDir()],
    ...options,
  });
}

/** The dashboard over `results` (other data than the shared demo store), with the demo accounts. */
export async function appOver(
  results: ResultsService,
  config: Partial<ServerConfigInput> = {},
  clock?: Clock,
  extra: { uploads?: Uploads } = {},
): Promise<Express> {
  return createServer({
    ...extra,
    results,
    users: await demoUsers(),
    // the demo accounts' cheap hashes are not raised at every login
    config: { sessionSecret: secret, secureCookies: false, scryptParams: fastScryptParams, ...config },
    ...(clock ? { clock } : {}),
    // the PDF routes' checks are the JSON routes'; Chromium itself is tested in test/browser
    printer: stubPrinter,
    log: () => {},
  });
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (match === null) throw new Error("no CSRF token in page");
  return match[1]!;
}

export type Agent = ReturnType<typeof request.agent>;

/** Logs in through the real form (CSRF included); returns the response of the POST. */
export async function logIn(agent: Agent, username: string, password = demoPassword) {
  const page = await agent.get("/login");
  return agent
    .post("/login")
    .type("form")
    .send({ username, password, _csrf: csrfFrom(page.text) });
}

export async function loggedInAgent(app: Express, username: string): Promise<Agent> {
  const agent = request.agent(app);
  const response = await logIn(agent, username);
  if (response.status !== 303) throw new Error(`login of ${username} failed: ${response.status}`);
  return agent;
}
