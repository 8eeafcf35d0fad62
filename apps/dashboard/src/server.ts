import { fileURLToPath } from "node:url";
import type { ViewPrinter } from "@zaz/views";
import cookieParser from "cookie-parser";
import express, { type Express } from "express";
import { rateLimit } from "express-rate-limit";
import session from "express-session";
import { authRouter } from "./auth-router.js";
import { type Clock, systemClock } from "./clock.js";
import { resolveServerOptions, type ServerConfigInput } from "./config.js";
import { errorHandler } from "./error-handler.js";
import { HttpError } from "./http-error.js";
import { httpMessages } from "./messages.js";
import { pageRouter } from "./page-router.js";
import { passwordRouter } from "./password-router.js";
import type { ResultsService } from "./results-service.js";
import { apiRouter } from "./routes/api-router.js";
import { apiRoutes } from "./routes/route-table.js";
import { csrfProtection } from "./security/csrf.js";
import { LoginThrottle } from "./security/login-throttle.js";
import { securityHeaders } from "./security/security-headers.js";
import { ExpressSessionAdapter } from "./session/express-session-adapter.js";
import { loadUser } from "./session/load-user.js";
import { MemorySessionStore } from "./session/memory-session-store.js";
import type { SessionStore } from "./session/session-store.js";
import { OidcClients } from "./sso/oidc-clients.js";
import { ssoLogoutRedirect, ssoRouter } from "./sso/sso-router.js";
import type { SsoSetup } from "./sso/sso-setup.js";
import "./session/session-data.js";
import { uploadPageRouter } from "./upload/upload-page-router.js";
import type { Uploads } from "./upload/uploads.js";
import type { UserRepository } from "./users/user-repository.js";
import { vendorRouter } from "./vendor-files.js";

export interface ServerDeps {
  results: ResultsService;
  users: UserRepository;
  /** defaults to an in-memory store: fine for one process, sessions lost on restart */
  sessionStore?: SessionStore;
  config: ServerConfigInput;
  clock?: Clock;
  /** where unexpected (500) errors go; console.error by default */
  log?: (error: unknown) => void;
  /** single sign-on providers beside the local login form; none when left out */
  sso?: SsoSetup;
  /** prints views for the PDF routes; one shared headless Chromium when left out */
  printer?: ViewPrinter;
  /** the upload page's import pipeline over the dashboard's store; no upload page without it */
  uploads?: Uploads;
}

/** Cookie names: the `__Host-` prefix makes the browser insist on Secure, Path=/ and no Domain. */
export function cookieNames(secure: boolean): { session: string; csrf: string } {
  return secure ? { session: "__Host-zaz", csrf: "__Host-zaz-csrf" } : { session: "zaz", csrf: "zaz-csrf" };
}

const staticDir = fileURLToPath(new URL("../static/", import.meta.url));

/** The dashboard as an Express app; the caller decides where it listens. */
export function createServer(deps: ServerDeps): Express {
  const options = resolveServerOptions(deps.config);
  const clock = deps.clock ?? systemClock;
  const secure = options.secureCookies;
  const names = cookieNames(secure);
  // Cookie and store outlive the idle timeout a little, so loadUser (which enforces it exactly)
  // can still tell a returning user that they were logged out for inactivity.
  const sessionTtlMs = options.idleTimeoutMs + 10 * 60 * 1000;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);
  app.set("query parser", "simple");

  app.use(securityHeaders(secure));
  app.use("/static", express.static(staticDir, { index: false, maxAge: "1h" }));
  app.use("/vendor", vendorRouter());

  app.use(cookieParser());
  app.use(
    session({
      name: names.session,
      secret: options.sessionSecret,
      store: new ExpressSessionAdapter(
        deps.sessionStore ?? new MemorySessionStore({ clock }),
        clock,
        sessionTtlMs,
      ),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      unset: "destroy",
      cookie: { httpOnly: true, secure, sameSite: "strict", path: "/", maxAge: sessionTtlMs },
    }),
  );
  app.use(
    loadUser(deps.users, clock, {
      idleTimeoutMs: options.idleTimeoutMs,
      absoluteSessionMs: options.absoluteSessionMs,
      secureCookies: secure,
    }),
  );

  const csrf = csrfProtection(options.sessionSecret, names.csrf, secure);
  const csrfToken = (req: express.Request, res: express.Response) => csrf.generateCsrfToken(req, res);

  app.use(
    "/api",
    rateLimit({
      windowMs: 60_000,
      limit: options.apiRequestsPerMinute,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      handler: (_req, _res, next) =>
        next(new HttpError(429, "too-many-requests", httpMessages.tooManyRequests)),
    }),
  );
  app.use(
    apiRouter(apiRoutes, deps.results, deps.users, {}, deps.printer, csrf.doubleCsrfProtection, deps.uploads),
  );
  const log = deps.log ?? ((error) => console.error(error));
  // Per process, also with several processes on one PostgreSQL database: the proxy sends every
  // login of one client address to the same process (README, "Deployment": ip_hash for /login
  // and /wachtwoord), so each (username, address) is counted in one place, as with one process.
  const throttle = new LoginThrottle({
    clock,
    freePerAccount: options.freeFailedLoginsPerAccount,
    freePerClient: options.freeFailedLoginsPerClient,
    baseDelayMs: options.loginBackoffBaseMs,
    maxDelayMs: options.loginBackoffMaxMs,
    windowMs: options.loginFailureWindowMs,
  });
  const sso = deps.sso !== undefined && deps.sso.providers.length > 0 ? deps.sso : undefined;
  const clients = sso === undefined ? undefined : new OidcClients(sso.providers);
  const warn = sso?.warn ?? ((message: string) => console.warn(message));
  const auth = {
    users: deps.users,
    clock,
    throttle,
    csrfToken,
    csrfProtection: csrf.doubleCsrfProtection,
    loginAttemptsPerIp: options.loginAttemptsPerIp,
    loginIpWindowMs: options.loginIpWindowMs,
    secureCookies: secure,
    idleTimeoutMs: options.idleTimeoutMs,
    absoluteSessionMs: options.absoluteSessionMs,
    scryptParams: options.scryptParams,
    log,
    ...(clients === undefined
      ? {}
      : {
          ssoProviders: clients.providers.map((p) => ({ id: p.id, label: p.label })),
          logoutRedirect: ssoLogoutRedirect(clients, warn),
        }),
  };
  if (sso !== undefined && clients !== undefined) {
    const mapping = sso.mapping;
    app.use(
      ssoRouter({
        clients,
        mapping: typeof mapping === "function" ? mapping : async () => mapping,
        registry: sso.registry,
        users: deps.users,
        clock,
        secureCookies: secure,
        secret: options.sessionSecret,
        loginAttemptsPerIp: options.loginAttemptsPerIp,
        loginIpWindowMs: options.loginIpWindowMs,
        warn,
      }),
    );
  }
  app.use(authRouter(auth));
  app.use(passwordRouter(auth));
  app.use(pageRouter(csrfToken));
  if (deps.uploads !== undefined) app.use(uploadPageRouter(csrfToken, deps.uploads, deps.results));
  app.use((_req, _res, next) => next(new HttpError(404, "not-found", httpMessages.notFound)));
  app.use(errorHandler(log));
  return app;
}
