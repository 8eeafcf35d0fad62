import {
  hashPassword,
  maxPasswordLength,
  needsRehash,
  type ScryptParams,
  verifyPassword,
} from "@zaz/accounts";
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { Clock } from "./clock.js";
import { loginMessages } from "./messages.js";
import { loginPage } from "./pages/login-page.js";
import { ssoLogoutPage } from "./pages/sso-page.js";
import type { LoginThrottle } from "./security/login-throttle.js";
import { type LoginNotice, setLoginNotice, takeLoginNotice } from "./session/login-notice.js";
import { endSession, hasSession, startSession } from "./session/session-helpers.js";
import { normaliseUsername, type User, type UserRepository } from "./users/user-repository.js";

export interface AuthOptions {
  users: UserRepository;
  clock: Clock;
  throttle: LoginThrottle;
  csrfToken: (req: Request, res: Response) => string;
  csrfProtection: RequestHandler;
  loginAttemptsPerIp: number;
  loginIpWindowMs: number;
  secureCookies: boolean;
  idleTimeoutMs: number;
  absoluteSessionMs: number;
  /** what a stored hash is brought up to at login */
  scryptParams: ScryptParams;
  /** where a failed rehash goes (the login itself succeeds) */
  log: (error: unknown) => void;
  /**
   * Where a logout goes after the local session ended: the provider's logout page for a login
   * through single sign-on (RP-initiated logout), undefined for the login page.
   */
  logoutRedirect?: (sso: { provider: string; idToken?: string }) => Promise<string | undefined>;
  /** single sign-on providers, offered on the login page */
  ssoProviders?: readonly { id: string; label: string }[];
}

/** Only a local path: never "//host" or a scheme, so a login link cannot redirect elsewhere. */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^\/(?![/\\])[\w\-./?=&%]*$/.test(value) || value.length > 512)
    return undefined;
  return value;
}

export function field(body: unknown, name: string): string {
  if (typeof body !== "object" || body === null) return "";
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
}

/** The client as express sees it (X-Forwarded-For only with "trust proxy" set). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

/** Unknown usernames cost as much as known ones, so timing does not reveal which exist. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password of a user (or of nobody, at the same cost). The account's own hash decides;
 * a hash made with weaker parameters than `params` is replaced once the password proved right.
 */
export async function checkPassword(
  user: User | undefined,
  password: string,
  options: Pick<AuthOptions, "users" | "scryptParams" | "log">,
): Promise<boolean> {
  dummyHash ??= hashPassword("zij-aan-zij-dummy-password");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (user === undefined || !valid) return false;
  if (needsRehash(user.passwordHash, options.scryptParams)) {
    try {
      const passwordHash = await hashPassword(password, options.scryptParams);
      if (await options.users.setPasswordHash(user.username, passwordHash)) user.passwordHash = passwordHash;
    } catch (error) {
      // the old hash still works: the next login tries again
      options.log(error);
    }
  }
  return true;
}

/** GET/POST /login and POST /logout, with CSRF, a per-IP limit and per-(account, client) backoff. */
export function authRouter(options: AuthOptions): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });

  const noticeText = (notice: LoginNotice | undefined): string | undefined => {
    switch (notice) {
      case "idle":
        return loginMessages.idle(Math.round(options.idleTimeoutMs / 60_000));
      case "expired":
        return loginMessages.expired(Math.round(options.absoluteSessionMs / 3_600_000));
      case "logged-out":
        return loginMessages.loggedOut;
      case "password-changed":
        return loginMessages.passwordChanged;
      case "blocked":
        return loginMessages.blocked;
      default:
        return undefined;
    }
  };

  const render = (
    req: Request,
    res: Response,
    status: number,
    extra: { error?: string; username?: string; notice?: string },
  ) => {
    const next = safeNext(req.body?.next ?? req.query.next);
    res
      .status(status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(
        loginPage({
          csrfToken: options.csrfToken(req, res),
          ...(next ? { next } : {}),
          ...(options.ssoProviders === undefined ? {} : { sso: options.ssoProviders }),
          ...extra,
        }),
      );
  };

  const ipLimiter = rateLimit({
    windowMs: options.loginIpWindowMs,
    limit: options.loginAttemptsPerIp,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (req, res) => render(req, res, 429, { error: loginMessages.ipThrottled }),
  });

  // Nothing is stored for an anonymous visitor: the page's CSRF token needs no session.
  router.get("/login", async (req, res) => {
    if (res.locals.user !== undefined) return res.redirect(303, "/");
    const notice = noticeText(takeLoginNotice(req, res, options.secureCookies));
    render(req, res, 200, notice === undefined ? {} : { notice });
  });

  router.post("/login", ipLimiter, form, options.csrfProtection, async (req, res) => {
    const username = normaliseUsername(field(req.body, "username")).slice(0, 128);
    const password = field(req.body, "password").slice(0, maxPasswordLength + 1);
    const client = clientAddress(req);
    // Refused before the password is checked, so a waiting guesser learns nothing, even when right.
    const wait = options.throttle.waitMs(username, client);
    if (wait > 0) {
      res.set("Retry-After", String(Math.ceil(wait / 1000)));
      return render(req, res, 429, { error: loginMessages.throttled(wait), username });
    }
    const user = username === "" ? undefined : await options.users.find(username);
    if (!(await checkPassword(user, password, options)) || user === undefined) {
      options.throttle.recordFailure(username, client);
      return render(req, res, 401, { error: loginMessages.failed, username });
    }
    options.throttle.recordSuccess(username, client);
    // said only now the password proved right, so a guesser learns nothing about blocked accounts
    if (user.blocked === true) return render(req, res, 403, { error: loginMessages.blocked, username });
    const next = safeNext(field(req.body, "next")) ?? "/";
    await startSession(req, user, options.clock.now());
    res.redirect(303, next);
  });

  router.post("/logout", form, options.csrfProtection, async (req, res) => {
    // The row goes and no new one is made; the notice travels in a cookie.
    const sso = hasSession(req) && req.session.username !== undefined ? req.session.sso : undefined;
    if (hasSession(req)) await endSession(req);
    setLoginNotice(res, options.secureCookies, "logged-out");
    // A school account is also logged out at its provider, where the provider offers that: from
    // a page of our own, as the CSP's form-action 'self' stops a form's redirect to another site.
    const away = sso === undefined ? undefined : await options.logoutRedirect?.(sso);
    if (away === undefined) return res.redirect(303, "/login");
    res.status(200).set("Cache-Control", "no-store").type("html").send(ssoLogoutPage(away));
  });

  return router;
}
