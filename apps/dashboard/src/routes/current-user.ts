import type { Response } from "express";
import type { User } from "../users/user-repository.js";

/** The logged-in user, loaded per request by the session middleware (res.locals.user). */
export function currentUser(res: Response): User | undefined {
  const user: unknown = res.locals.user;
  return user === undefined ? undefined : (user as User);
}
