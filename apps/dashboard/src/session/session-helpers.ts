import type { Request } from "express";
import type { SessionData } from "express-session";
import type { User } from "../users/user-repository.js";
import { credentialStamp } from "./credential-stamp.js";

/**
 * A new session id for a login or a password change (a planted id, session fixation, is then
 * worthless): the old session, if any, is destroyed and the new one is saved with the user.
 */
export async function startSession(
  req: Request,
  user: User,
  now: number,
  loggedInAt = now,
  sso?: SessionData["sso"],
): Promise<void> {
  // only a logged-in session has a row; an anonymous one is simply replaced
  if (hasSession(req) && req.session.username !== undefined) await endSession(req);
  // what express-session does when a request comes without a session; the new id is saved at the end
  req.sessionStore.generate(req);
  req.session.username = user.username;
  req.session.lastSeen = now;
  req.session.loggedInAt = loggedInAt;
  req.session.credential = credentialStamp(user.passwordHash);
  if (sso !== undefined) req.session.sso = sso;
  await saveSession(req);
}

/**
 * Ends the session (its row is deleted) without starting another, so a logout or an expired
 * session writes no new row. Afterwards `req.session` is undefined for the rest of the request.
 */
export function endSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.destroy((error: unknown) => (error ? reject(error) : resolve())),
  );
}

/** False after endSession: express-session's types do not know that it removes req.session. */
export function hasSession(req: Request): boolean {
  return (req as { session?: unknown }).session !== undefined;
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.save((error: unknown) => (error ? reject(error) : resolve())),
  );
}
