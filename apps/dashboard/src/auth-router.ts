import { hashPassword, maxPasswordLength, verifyPassword } from "@zaz/accounts";
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { Clock } from "./clock.js";
import { loginMessages } from "./messages.js";
import { loginPage } from "./pages/login-page.js";
import { LoginThrottle } from "./security/login-throttle.js";
import { regenerateSession, saveSession } from "./session/session-helpers.js";
import { normaliseUsername, type UserRepository } from "./users/user-repository.js";

export interface AuthOptions {
  users: UserRepository;
  clock: Clock;
  csrfToken: (req: Request, res: Response) => string;
  csrfProtection: RequestHandler;
  failedLoginsPerAccountPerHour: number;
  loginAttemptsPerIp: number;
  loginIpWindowMs: number;
}

const hourMs = 60 * 60 * 1000;

/** Only a local path: never "//host" or a scheme, so a login link cannot redirect elsewhere. */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^\/(?![/\\])[\w\-./?=&%]*$/.test(value) || value.length > 512)
    return undefined;
  return value;
}

function field(body: unknown, name: string): string {
  if (typeof body !== "object" || body === null) return "";
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
}

/** GET/POST /login and POST /logout, with CSRF, per-IP and per-account limits. */
export function authRouter(options: AuthOptions): Router {
  const router = Router();
  const throttle = new LoginThrottle({
    limit: options.failedLoginsPerAccountPerHour,
    windowMs: hourMs,
    clock: options.clock,
  });
  // Unknown usernames cost as much as known ones, so timing does not reveal which exist.
  const dummyHash = hashPassword("zij-aan-zij-dummy-password");
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });

  const render = (
    req: Request,
    res: Response,
    status: number,
    extra: { error?: string; username?: string },
  ) => {
    const next = safeNext(req.body?.next ?? req.query.next);
    res
      .status(status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(loginPage({ csrfToken: options.csrfToken(req, res), ...(next ? { next } : {}), ...extra }));
  };

  const ipLimiter = rateLimit({
    windowMs: options.loginIpWindowMs,
    limit: options.loginAttemptsPerIp,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (req, res) => render(req, res, 429, { error: loginMessages.ipThrottled }),
  });

  router.get("/login", async (req, res) => {
    if (res.locals.user !== undefined) return res.redirect(303, "/");
    const notice = req.session.notice;
    delete req.session.notice;
    // Keeps the anonymous session, so the CSRF token (bound to its id) stays valid.
    req.session.visitor = true;
    const next = safeNext(req.query.next);
    const noticeText =
      notice === "idle" ? loginMessages.idle : notice === "logged-out" ? loginMessages.loggedOut : undefined;
    res
      .set("Cache-Control", "no-store")
      .type("html")
      .send(
        loginPage({
          csrfToken: options.csrfToken(req, res),
          ...(next ? { next } : {}),
          ...(noticeText ? { notice: noticeText } : {}),
        }),
      );
  });

  router.post("/login", ipLimiter, form, options.csrfProtection, async (req, res) => {
    const username = normaliseUsername(field(req.body, "username")).slice(0, 128);
    const password = field(req.body, "password").slice(0, maxPasswordLength + 1);
    if (throttle.isBlocked(username)) {
      return render(req, res, 429, { error: loginMessages.accountThrottled, username });
    }
    const user = username === "" ? undefined : await options.users.find(username);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
    if (user === undefined || !valid) {
      throttle.recordFailure(username);
      return render(req, res, 401, { error: loginMessages.failed, username });
    }
    throttle.reset(username);
    const next = safeNext(field(req.body, "next")) ?? "/";
    // A new session id at login: a planted id (session fixation) is worthless.
    await regenerateSession(req);
    req.session.username = user.username;
    req.session.lastSeen = options.clock.now();
    await saveSession(req);
    res.redirect(303, next);
  });

  router.post("/logout", form, options.csrfProtection, async (req, res) => {
    await regenerateSession(req);
    req.session.notice = "logged-out";
    await saveSession(req);
    res.redirect(303, "/login");
  });

  return router;
}
