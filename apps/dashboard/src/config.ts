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
  /** failed logins per account per hour before it is blocked for the rest of the hour */
  failedLoginsPerAccountPerHour: number;
  /** login attempts per IP address per window */
  loginAttemptsPerIp: number;
  loginIpWindowMs: number;
  /** API requests per IP address per minute */
  apiRequestsPerMinute: number;
}

export const defaultServerOptions: Omit<ServerOptions, "sessionSecret" | "secureCookies"> = {
  trustProxy: false,
  idleTimeoutMs: 30 * 60 * 1000,
  failedLoginsPerAccountPerHour: 20,
  loginAttemptsPerIp: 50,
  loginIpWindowMs: 15 * 60 * 1000,
  apiRequestsPerMinute: 600,
};

export type ServerConfigInput = Pick<ServerOptions, "sessionSecret" | "secureCookies"> &
  Partial<ServerOptions>;

export function resolveServerOptions(input: ServerConfigInput): ServerOptions {
  const options = { ...defaultServerOptions, ...input };
  if (options.sessionSecret.length < 32) throw new Error("sessionSecret must be at least 32 characters");
  // The account limit is the issue's hard ceiling; more would let a guesser try too often.
  if (options.failedLoginsPerAccountPerHour > 100)
    throw new Error("failedLoginsPerAccountPerHour must be ≤ 100");
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
  });
}
