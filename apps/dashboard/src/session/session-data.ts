// What the dashboard keeps in a session. Only a login makes one: an anonymous visitor has none
// stored (see csrf.ts for how the login form is protected without it).
declare module "express-session" {
  interface SessionData {
    username?: string;
    /** ms since epoch of the last request, for the idle timeout */
    lastSeen?: number;
    /** ms since epoch of the login, for the absolute lifetime */
    loggedInAt?: number;
    /** of the password hash at login (credential-stamp.ts): a new password ends the other sessions */
    credential?: string;
    /**
     * A login through single sign-on: the provider's id, and the ID token as a hint for the
     * provider's logout (RP-initiated logout), where the provider offers one.
     */
    sso?: { provider: string; idToken?: string };
  }
}

export {};
