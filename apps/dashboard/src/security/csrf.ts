import { doubleCsrf } from "csrf-csrf";
import type { Request } from "express";
import { httpMessages } from "../messages.js";
import { hasSession } from "../session/session-helpers.js";

/** What an anonymous visitor's tokens are bound to: they have no stored session to bind to. */
const anonymous = "anonymous";

/**
 * Signed double-submit CSRF tokens (csrf-csrf): a form carries the token in `_csrf`, a script in
 * the `x-csrf-token` header; the HttpOnly cookie holds the same value, signed with the secret.
 * A logged-in user's token is bound to their session id. The login form's is bound to no session,
 * so showing it stores nothing: a forged login would need the attacker's own signed cookie in the
 * victim's browser, which a `__Host-` cookie (Secure, no Domain) and SameSite=Strict rule out.
 */
export function csrfProtection(secret: string, cookieName: string, secure: boolean) {
  return doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req: Request) =>
      hasSession(req) && req.session.username !== undefined ? req.session.id : anonymous,
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
