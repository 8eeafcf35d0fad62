import type { RequestHandler } from "express";
import type { Clock } from "../clock.js";
import type { UserRepository } from "../users/user-repository.js";
import { regenerateSession } from "./session-helpers.js";

/**
 * Puts the session's user on res.locals, looked up in the repository on every request, so a
 * removed account loses access: at once when removed through this process's repository, within
 * its cache time (60 s for StoreUserRepository) when removed by another process. After
 * `idleTimeoutMs` without a request the session is replaced by an empty one (logged out) that
 * only remembers to tell the user why. `lastSeen` changes on every request; StoreSessionStore
 * keeps it exact in memory and writes it at most every 15 s, so where a session is read back from
 * the database the idle timeout may strike up to 15 s early, never late.
 */
export function loadUser(users: UserRepository, clock: Clock, idleTimeoutMs: number): RequestHandler {
  return async (req, res, next) => {
    const username = req.session.username;
    if (username === undefined) return next();
    const now = clock.now();
    const lastSeen = req.session.lastSeen ?? Number.NEGATIVE_INFINITY;
    const user = now - lastSeen > idleTimeoutMs ? undefined : await users.find(username);
    if (user === undefined) {
      const idle = now - lastSeen > idleTimeoutMs;
      await regenerateSession(req);
      if (idle) req.session.notice = "idle";
      return next();
    }
    req.session.lastSeen = now;
    res.locals.user = user;
    next();
  };
}
