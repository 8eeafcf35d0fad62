import type { RequestHandler } from "express";
import type { Clock } from "../clock.js";
import type { UserRepository } from "../users/user-repository.js";
import { regenerateSession } from "./session-helpers.js";

/**
 * Puts the session's user on res.locals, read fresh from the repository so a removed account
 * loses access at once. After `idleTimeoutMs` without a request the session is replaced by an
 * empty one (logged out) that only remembers to tell the user why.
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
