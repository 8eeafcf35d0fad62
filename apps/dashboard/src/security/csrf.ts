import { doubleCsrf } from "csrf-csrf";
import type { Request } from "express";
import { httpMessages } from "../messages.js";

/**
 * Signed double-submit CSRF tokens (csrf-csrf) bound to the session id: a form carries the
 * token in `_csrf`, a script in the `x-csrf-token` header; the cookie holds the same value.
 */
export function csrfProtection(secret: string, cookieName: string, secure: boolean) {
  return doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req: Request) => req.session.id,
    cookieName,
    cookieOptions: { sameSite: "strict", path: "/", secure, httpOnly: true },
    getCsrfTokenFromRequest: (req: Request) => {
      const body: unknown = req.body;
      if (typeof body === "object" && body !== null && "_csrf" in body && typeof body._csrf === "string") {
        return body._csrf;
      }
      return req.get("x-csrf-token");
    },
    errorConfig: { statusCode: 403, message: httpMessages.csrf, code: "csrf-invalid" },
  });
}
