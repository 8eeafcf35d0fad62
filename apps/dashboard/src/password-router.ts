import { checkNewPassword, hashPassword, maxPasswordLength, ssoProviderOf } from "@zaz/accounts";
import express, { type Request, type Response, Router } from "express";
import { type AuthOptions, checkPassword, clientAddress, field } from "./auth-router.js";
import { HttpError } from "./http-error.js";
import { passwordChangeMessages, ssoMessages } from "./messages.js";
import { passwordPage } from "./pages/password-page.js";
import { currentUser } from "./routes/current-user.js";
import { startSession } from "./session/session-helpers.js";
import type { User } from "./users/user-repository.js";

/**
 * GET/POST /wachtwoord: a logged-in user changes their own password. The current password is
 * asked again (a session left open on a shared computer is not enough), under the same backoff
 * as the login form; the new one must pass the password rules of @zaz/accounts. On success the
 * hash is replaced and the session gets a new id; every other session of the account ends at its
 * next request, as it carries the old password's stamp (see credential-stamp.ts).
 */
export function passwordRouter(options: AuthOptions): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });

  const render = (
    req: Request,
    res: Response,
    user: User,
    status: number,
    extra: { errors?: string[]; notice?: string } = {},
  ) => {
    res
      .status(status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(passwordPage({ user, csrfToken: options.csrfToken(req, res), ...extra }));
  };

  /** A school account has no password here: it is changed at the school, never set here. */
  const refuseSso = (user: User) => {
    const provider = ssoProviderOf(user.passwordHash);
    if (provider !== undefined) throw new HttpError(403, "sso-account", ssoMessages.noPassword(provider));
  };

  router.get("/wachtwoord", (req, res) => {
    const user = currentUser(res);
    if (user === undefined) return res.redirect(303, "/login?next=%2Fwachtwoord");
    refuseSso(user);
    render(req, res, user, 200);
  });

  router.post("/wachtwoord", form, options.csrfProtection, async (req, res) => {
    const user = currentUser(res);
    if (user === undefined) return res.redirect(303, "/login?next=%2Fwachtwoord");
    refuseSso(user);
    const current = field(req.body, "current").slice(0, maxPasswordLength + 1);
    const password = field(req.body, "password").slice(0, maxPasswordLength + 1);
    const repeat = field(req.body, "repeat").slice(0, maxPasswordLength + 1);
    const client = clientAddress(req);

    const wait = options.throttle.waitMs(user.username, client);
    if (wait > 0) {
      res.set("Retry-After", String(Math.ceil(wait / 1000)));
      return render(req, res, user, 429, { errors: [passwordChangeMessages.throttled(wait)] });
    }
    if (!(await checkPassword(user, current, options))) {
      options.throttle.recordFailure(user.username, client);
      return render(req, res, user, 403, { errors: [passwordChangeMessages.currentWrong] });
    }
    const checked = await checkNewPassword(password, user.username);
    const errors = checked.ok ? [] : checked.errors.map((error) => error.message);
    if (password !== repeat) errors.push(passwordChangeMessages.repeatDiffers);
    if (errors.length === 0 && password === current) errors.push(passwordChangeMessages.sameAsCurrent);
    if (errors.length > 0) return render(req, res, user, 400, { errors });

    const passwordHash = await hashPassword(password, options.scryptParams);
    if (!(await options.users.setPasswordHash(user.username, passwordHash))) {
      // removed meanwhile: nothing to change, and no session to keep
      return res.redirect(303, "/login");
    }
    const changed: User = { ...user, passwordHash };
    const loggedInAt = req.session.loggedInAt;
    const now = options.clock.now();
    // a new id, and the new password's stamp: the other sessions of this account no longer match
    await startSession(req, changed, now, loggedInAt ?? now);
    res.locals.user = changed;
    render(req, res, changed, 200, { notice: passwordChangeMessages.changed });
  });

  return router;
}
