// What the dashboard keeps in a session: who is logged in and when they were last active.
declare module "express-session" {
  interface SessionData {
    username?: string;
    /** ms since epoch of the last request, for the idle timeout */
    lastSeen?: number;
    /** set on the login page so an anonymous session (and its CSRF binding) is kept */
    visitor?: boolean;
    /** a notice for the next login page, e.g. after an idle timeout */
    notice?: "idle" | "logged-out";
  }
}

export {};
