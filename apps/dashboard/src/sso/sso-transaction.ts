import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";

/**
 * What a login through a provider must remember between sending the browser away and its
 * return: the state (ties the answer to this browser), the nonce (ties the ID token to this
 * login), the PKCE verifier (only this browser can redeem the code) and where to go afterwards.
 * Kept in a short-lived cookie, signed with the session secret, so no session row is written
 * before anyone logged in (as with the login form's CSRF token).
 */
export interface SsoTransaction {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  /** ms since epoch */
  startedAt: number;
}

/** Long enough to type a password and answer a second factor at the provider. */
export const transactionMaxAgeMs = 10 * 60 * 1000;

export function transactionCookie(secure: boolean): string {
  return secure ? "__Host-zaz-sso" : "zaz-sso";
}

/**
 * SameSite=Lax, not Strict: the browser comes back from the provider's site, a cross-site
 * navigation on which a Strict cookie is not sent. The cookie holds nothing that works alone:
 * the verifier is useless without the code, which only the provider's redirect carries.
 */
function cookieOptions(secure: boolean) {
  return { httpOnly: true, secure, sameSite: "lax" as const, path: "/" };
}

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`zaz-sso\u0000${payload}`).digest("base64url");
}

export function setTransaction(
  res: Response,
  secure: boolean,
  secret: string,
  transaction: SsoTransaction,
): void {
  const payload = Buffer.from(JSON.stringify(transaction)).toString("base64url");
  res.cookie(transactionCookie(secure), `${payload}.${sign(secret, payload)}`, {
    ...cookieOptions(secure),
    maxAge: transactionMaxAgeMs,
  });
}

/**
 * The transaction of this browser, if its signature holds and it is not too old; the cookie is
 * cleared as it is read, so a provider's answer is taken once.
 */
export function takeTransaction(
  req: Request,
  res: Response,
  secure: boolean,
  secret: string,
  now: number,
): SsoTransaction | undefined {
  const name = transactionCookie(secure);
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== "string") return undefined;
  res.clearCookie(name, cookieOptions(secure));
  const [payload, signature, extra] = value.split(".");
  if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!isTransaction(parsed)) return undefined;
  if (now - parsed.startedAt > transactionMaxAgeMs || parsed.startedAt > now + 60_000) return undefined;
  return parsed;
}

function isTransaction(value: unknown): value is SsoTransaction {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ["provider", "state", "nonce", "verifier", "next"].every((key) => typeof record[key] === "string") &&
    typeof record.startedAt === "number"
  );
}
