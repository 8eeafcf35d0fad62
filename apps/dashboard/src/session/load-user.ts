import type { RequestHandler } from "express";
import type { Clock } from "../clock.js";
import type { UserRepository } from "../users/user-repository.js";
import { credentialStamp } from "./credential-stamp.js";
import { type LoginNotice, setLoginNotice } from "./login-notice.js";
import { endSession } from "./session-helpers.js";

export interface LoadUserOptions {
  idleTimeoutMs: number;
  /** how long a login lasts at most, however active */
  absoluteSessionMs: number;
  secureCookies: boolean;
}

/**
 * Puts the session's user on res.locals, looked up in the repository on every request, so a
 * removed account loses access: at once when removed through this process's repository, within
 * its cache time (60 s for StoreUserRepository) when removed by another process. A session ends
 * (its row deleted, no new one made) after `idleTimeoutMs` without a request, `absoluteSessionMs`
 * after the login however active, or when the account's password changed since (credential
 * stamp), or when the account was blocked; a short-lived cookie tells the login page why. `lastSeen` changes on every request;
 * StoreSessionStore keeps it exact in memory and writes it at most once a minute, so where a
 * session is read back from the database the idle timeout may strike up to a minute early,
 * never late.
 */
export function loadUser(users: UserRepository, clock: Clock, options: LoadUserOptions): RequestHandler {
  return async (req, res, next) => {
    const username = req.session.username;
    if (username === undefined) return next();
    const now = clock.now();
    const lastSeen = req.session.lastSeen ?? Number.NEGATIVE_INFINITY;
    const loggedInAt = req.session.loggedInAt ?? Number.NEGATIVE_INFINITY;
    let ended: LoginNotice | undefined;
    if (now - loggedInAt > options.absoluteSessionMs) ended = "expired";
    else if (now - lastSeen > options.idleTimeoutMs) ended = "idle";
    const user = ended === undefined ? await users.find(username) : undefined;
    if (
      user === undefined ||
      user.blocked === true ||
      credentialStamp(user.passwordHash) !== req.session.credential
    ) {
      await endSession(req);
      const notice =
        ended ?? (user === undefined ? undefined : user.blocked === true ? "blocked" : "password-changed");
      if (notice !== undefined) setLoginNotice(res, options.secureCookies, notice);
      return next();
    }
    req.session.lastSeen = now;
    res.locals.user = user;
    next();
  };
}
