import { defaultScryptParams, type ScryptParams } from "@zaz/accounts";
import { fail, ok, type Problem, type Result } from "@zaz/model";
import { z } from "zod";
import { configMessages } from "./messages.js";

/** How the server guards logins and the API; every limit bounded and testable. */
export interface ServerOptions {
  /** at least 32 characters; signs the session cookie and the CSRF tokens */
  sessionSecret: string;
  /**
   * true: cookies `__Host-zaz` with Secure (behind HTTPS, usually a reverse proxy).
   * false: only for plain-http demos on loopback; cookie `zaz` without Secure.
   */
  secureCookies: boolean;
  /** express's "trust proxy": set when a TLS-terminating proxy forwards requests */
  trustProxy: boolean | string | number;
  /** logged out after this long without a request */
  idleTimeoutMs: number;
  /** logged out this long after logging in, however active (default 12 hours) */
  absoluteSessionMs: number;
  /**
   * Failed logins per (username, client address) that cost nothing; after them each attempt
   * waits `loginBackoffBaseMs`, doubling per failure up to `loginBackoffMaxMs`. Only that client
   * waits: the account stays open to everyone else, so nobody can lock another person out.
   */
  freeFailedLoginsPerAccount: number;
  /** failed logins per client address, over all usernames, before the same backoff (spraying) */
  freeFailedLoginsPerClient: number;
  loginBackoffBaseMs: number;
  loginBackoffMaxMs: number;
  /** failures older than this are forgotten */
  loginFailureWindowMs: number;
  /** login attempts per IP address per window */
  loginAttemptsPerIp: number;
  loginIpWindowMs: number;
  /** API requests per IP address per minute */
  apiRequestsPerMinute: number;
  /** a stored hash made with weaker parameters is replaced at the next login; lower only in tests */
  scryptParams: ScryptParams;
}

export const defaultServerOptions: Omit<ServerOptions, "sessionSecret" | "secureCookies"> = {
  trustProxy: false,
  idleTimeoutMs: 30 * 60 * 1000,
  absoluteSessionMs: 12 * 60 * 60 * 1000,
  freeFailedLoginsPerAccount: 5,
  freeFailedLoginsPerClient: 100,
  loginBackoffBaseMs: 1000,
  loginBackoffMaxMs: 15 * 60 * 1000,
  loginFailureWindowMs: 60 * 60 * 1000,
  // generous: a whole school may log in from one address; failures are slowed by the backoff
  loginAttemptsPerIp: 300,
  loginIpWindowMs: 15 * 60 * 1000,
  apiRequestsPerMinute: 600,
  scryptParams: defaultScryptParams,
};

export type ServerConfigInput = Pick<ServerOptions, "sessionSecret" | "secureCookies"> &
  Partial<ServerOptions>;

export function resolveServerOptions(input: ServerConfigInput): ServerOptions {
  const options = { ...defaultServerOptions, ...input };
  if (options.sessionSecret.length < 32) throw new Error("sessionSecret must be at least 32 characters");
  // More free failures would let a guesser try too often before the backoff starts.
  if (options.freeFailedLoginsPerAccount > 20) throw new Error("freeFailedLoginsPerAccount must be ≤ 20");
  if (options.absoluteSessionMs < options.idleTimeoutMs)
    throw new Error("absoluteSessionMs must be at least idleTimeoutMs");
  return options;
}

/** What `serve` needs beyond the server options: where to listen. */
export interface ListenConfig {
  host: string;
  port: number;
}

const loopbackHosts = new Set(["127.0.0.1", "::1", "localhost"]);

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const flag = z
  .enum(["1", "0", "true", "false", "ja", "nee"])
  .transform((value) => value === "1" || value === "true" || value === "ja");

const envSchema = z.object({
  ZAZ_HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ZAZ_SESSION_SECRET: z
    .string({ error: configMessages.secretTooShort })
    .min(32, configMessages.secretTooShort),
  ZAZ_INSECURE_COOKIES: flag.default(false),
  /** e.g. "loopback" or "1" (hops) when behind a reverse proxy */
  ZAZ_TRUST_PROXY: z.string().optional(),
  ZAZ_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  /** how long a login lasts at most, however active */
  ZAZ_SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(12),
});

/**
 * Reads the server's configuration from the environment. Insecure (non-Secure) cookies are
 * refused unless the server listens on loopback only, where nothing crosses a network.
 */
export function readConfig(
  env: Record<string, string | undefined>,
): Result<ServerConfigInput & ListenConfig> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      return {
        code: "invalid-config",
        message: configMessages.invalid(key, issue.message),
        column: key,
        ...(key === "ZAZ_SESSION_SECRET" ? { hint: configMessages.secretHint } : {}),
      };
    });
    return fail(problems);
  }
  const value = parsed.data;
  if (value.ZAZ_INSECURE_COOKIES && !isLoopbackHost(value.ZAZ_HOST)) {
    return fail([
      {
        code: "insecure-cookies-off-loopback",
        message: configMessages.insecureNeedsLoopback(value.ZAZ_HOST),
        column: "ZAZ_INSECURE_COOKIES",
        hint: configMessages.insecureHint,
      },
    ]);
  }
  const trustProxy = value.ZAZ_TRUST_PROXY;
  return ok({
    host: value.ZAZ_HOST,
    port: value.PORT,
    sessionSecret: value.ZAZ_SESSION_SECRET,
    secureCookies: !value.ZAZ_INSECURE_COOKIES,
    trustProxy: trustProxy === undefined ? false : /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy,
    idleTimeoutMs: value.ZAZ_IDLE_MINUTES * 60 * 1000,
    absoluteSessionMs: value.ZAZ_SESSION_HOURS * 60 * 60 * 1000,
  });
}
