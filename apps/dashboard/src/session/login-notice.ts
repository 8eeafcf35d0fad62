import type { Request, Response } from "express";

/** Why the login page is shown again; kept in a short-lived cookie, so no session row is written. */
export type LoginNotice = "idle" | "expired" | "logged-out" | "password-changed" | "blocked";

const notices: readonly LoginNotice[] = ["idle", "expired", "logged-out", "password-changed", "blocked"];

export function loginNoticeCookie(secure: boolean): string {
  return secure ? "__Host-zaz-notice" : "zaz-notice";
}

export function setLoginNotice(res: Response, secure: boolean, notice: LoginNotice): void {
  res.cookie(loginNoticeCookie(secure), notice, {
    httpOnly: true,
    secure,
    sameSite: "strict",
    path: "/",
    maxAge: 10 * 60 * 1000,
  });
}

/** Reads the notice once: the cookie is cleared as it is read. */
export function takeLoginNotice(req: Request, res: Response, secure: boolean): LoginNotice | undefined {
  const name = loginNoticeCookie(secure);
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  res.clearCookie(name, { httpOnly: true, secure, sameSite: "strict", path: "/" });
  return notices.find((notice) => notice === value);
}
