import {
  claimValuesOf,
  resolveSsoAccess,
  type SsoMapping,
  ssoPasswordHash,
  ssoProviderOf,
  ssoUsername,
} from "@zaz/accounts";
import type { RegistryEntity } from "@zaz/model";
import { type Request, type Response, Router } from "express";
import { rateLimit } from "express-rate-limit";
import * as oidc from "openid-client";
import { safeNext } from "../auth-router.js";
import type { Clock } from "../clock.js";
import { HttpError } from "../http-error.js";
import { httpMessages, ssoMessages } from "../messages.js";
import { ssoContinuePage, ssoRefusedPage } from "../pages/sso-page.js";
import { startSession } from "../session/session-helpers.js";
import type { User, UserRepository } from "../users/user-repository.js";
import type { OidcClients } from "./oidc-clients.js";
import type { OidcProviderConfig } from "./sso-config.js";
import { setTransaction, takeTransaction } from "./sso-transaction.js";

export interface SsoRouterOptions {
  clients: OidcClients;
  /** the claim mapping in force (read again when its file changed) */
  mapping: () => Promise<SsoMapping>;
  /** the registered schools and boards: a BRIN claim is looked up here */
  registry: () => Promise<readonly RegistryEntity[]>;
  users: UserRepository;
  clock: Clock;
  secureCookies: boolean;
  /** signs the transaction cookie (the session secret) */
  secret: string;
  loginAttemptsPerIp: number;
  loginIpWindowMs: number;
  /** why a login through a provider failed or was refused: for the beheerder, never shown to the user */
  warn: (message: string) => void;
}

/** The claims a display name is made of, in order of preference (OIDC's, then Entree's). */
function displayNameOf(claims: Readonly<Record<string, unknown>>): string | undefined {
  const first = (name: string) => claimValuesOf(claims, name)[0];
  const joined = [first("given_name") ?? first("givenName"), first("family_name") ?? first("sn")]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  const name = first("name") || joined || first("email") || first("preferred_username");
  return name === undefined || name === "" ? undefined : name.slice(0, 128);
}

/**
 * Single sign-on with OpenID Connect: GET /login/sso/:provider sends the browser to the provider
 * (authorization code flow with PKCE, state and nonce); GET /login/sso/:provider/callback takes
 * the answer. openid-client checks the state, redeems the code with the PKCE verifier and
 * validates the ID token (signature against the provider's published keys, issuer, audience,
 * expiry, nonce); the userinfo endpoint adds its claims. The claims are mapped to a role and
 * scopes (resolveSsoAccess); the account is made at the first login (just in time) and brought
 * up to date at every later one. No session is made for a user whose claims map to nothing, for
 * a blocked account, or when any check fails; a session that is made is a new one (new id), with
 * the same idle and absolute timeouts as a password login.
 */
export function ssoRouter(options: SsoRouterOptions): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: options.loginIpWindowMs,
    limit: options.loginAttemptsPerIp,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpError(429, "too-many-requests", httpMessages.tooManyRequests)),
  });

  const providerOf = (req: Request): OidcProviderConfig => {
    const provider = options.clients.provider(String(req.params.provider));
    if (provider === undefined) throw new HttpError(404, "unknown-provider", ssoMessages.unknownProvider);
    return provider;
  };

  const refuse = (res: Response, status: number, page: Parameters<typeof ssoRefusedPage>[0]) =>
    res.status(status).set("Cache-Control", "no-store").type("html").send(ssoRefusedPage(page));

  router.get("/login/sso/:provider", limiter, async (req, res) => {
    const provider = providerOf(req);
    if (res.locals.user !== undefined) return res.redirect(303, "/");
    let config: oidc.Configuration;
    try {
      config = await options.clients.configuration(provider);
    } catch (error) {
      options.warn(`SSO ${provider.id}: discovery van ${provider.issuer} mislukt: ${String(error)}`);
      return refuse(res, 502, { title: ssoMessages.failedTitle, message: ssoMessages.failed });
    }
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    setTransaction(res, options.secureCookies, options.secret, {
      provider: provider.id,
      state,
      nonce,
      verifier,
      next: safeNext(req.query.next) ?? "/",
      startedAt: options.clock.now(),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: provider.redirectUri,
      scope: provider.scopes.join(" "),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    res.set("Cache-Control", "no-store").redirect(303, url.href);
  });

  router.get("/login/sso/:provider/callback", limiter, async (req, res) => {
    const provider = providerOf(req);
    const now = options.clock.now();
    const transaction = takeTransaction(req, res, options.secureCookies, options.secret, now);
    if (transaction === undefined || transaction.provider !== provider.id) {
      return refuse(res, 400, { title: ssoMessages.failedTitle, message: ssoMessages.expired });
    }
    if (typeof req.query.error === "string") {
      options.warn(`SSO ${provider.id}: de provider meldt ${req.query.error.slice(0, 100)}`);
      const cancelled = req.query.error === "access_denied";
      return refuse(res, cancelled ? 400 : 502, {
        title: ssoMessages.failedTitle,
        message: cancelled ? ssoMessages.cancelled : ssoMessages.failed,
      });
    }

    // What the provider answered, checked by openid-client: nothing of it is used before that.
    let claims: Record<string, unknown>;
    let idToken: string | undefined;
    try {
      const config = await options.clients.configuration(provider);
      // the URL the provider sent the browser to, from configuration, not from the Host header
      const current = new URL(provider.redirectUri);
      current.search = new URL(req.originalUrl, "http://localhost").search;
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new Error("no ID token");
      idToken = tokens.id_token;
      const userinfo =
        config.serverMetadata().userinfo_endpoint === undefined
          ? {}
          : await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      // the ID token's claims (signed, and checked above) win over userinfo's of the same name
      claims = { ...userinfo, ...idClaims };
    } catch (error) {
      options.warn(`SSO ${provider.id}: inloggen geweigerd: ${describe(error)}`);
      return refuse(res, 401, { title: ssoMessages.failedTitle, message: ssoMessages.failed });
    }

    const issuer = String(claims.iss);
    const subject = String(claims.sub);
    const username = ssoUsername(provider.id, issuer, subject);
    const existing = await options.users.find(username);
    if (existing !== undefined && ssoProviderOf(existing.passwordHash) !== provider.id) {
      options.warn(`SSO ${provider.id}: ${username} bestaat al als ander account`);
      return refuse(res, 409, { title: ssoMessages.failedTitle, message: ssoMessages.conflict });
    }
    if (existing?.blocked === true) {
      return refuse(res, 403, { title: ssoMessages.blockedTitle, message: ssoMessages.blocked });
    }

    const access = resolveSsoAccess(await options.mapping(), provider.id, claims, await options.registry());
    const displayName = displayNameOf(claims);
    if (access === undefined) {
      // An account that had access loses it now, in its other sessions too (they read it per request).
      if (existing !== undefined && Object.keys(existing.scopes).length > 0) {
        await options.users.setAccess(username, { role: existing.role, scopes: {}, ...named(displayName) });
      }
      options.warn(`SSO ${provider.id}: ${username} (${displayName ?? "zonder naam"}) past bij geen regel`);
      return refuse(res, 403, {
        title: ssoMessages.noAccessTitle,
        message: ssoMessages.noAccess,
        detail: ssoMessages.noAccessDetail(provider.label),
      });
    }

    const wanted: User = {
      username,
      role: access.role,
      scopes: access.scopes,
      passwordHash: ssoPasswordHash(provider.id),
      ...named(displayName),
    };
    let user: User;
    if (existing === undefined) {
      const added = await options.users.add(wanted);
      if (!added.ok) {
        // another login of the same person made it a moment ago: take that one up to date
        const raced = await options.users.find(username);
        if (raced === undefined || raced.blocked === true) {
          return refuse(res, 409, { title: ssoMessages.failedTitle, message: ssoMessages.failed });
        }
        await options.users.setAccess(username, wanted);
        user = { ...raced, ...wanted, passwordHash: raced.passwordHash };
      } else user = added.value;
    } else {
      if (!sameAccess(existing, wanted)) await options.users.setAccess(username, wanted);
      user = { ...existing, role: wanted.role, scopes: wanted.scopes, ...named(displayName) };
    }
    await startSession(req, user, now, now, {
      provider: provider.id,
      ...(idToken === undefined ? {} : { idToken }),
    });
    res.status(200).set("Cache-Control", "no-store").type("html").send(ssoContinuePage(transaction.next));
  });

  return router;
}

function named(displayName: string | undefined): { displayName?: string } {
  return displayName === undefined ? {} : { displayName };
}

function sameAccess(a: User, b: User): boolean {
  const key = (user: User) =>
    JSON.stringify([
      user.role,
      [...(user.scopes.schools ?? [])].sort(),
      user.scopes.bestuur,
      user.scopes.opleiding,
      user.displayName,
    ]);
  return key(a) === key(b);
}

/**
 * An error's kind and message for the log, with its causes: openid-client wraps the check that
 * failed (oauth4webapi's error, whose cause names the claim or parameter and what was expected).
 * Never the tokens themselves.
 */
function describe(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) {
    if (typeof error !== "object" || error === null) return String(error);
    const { claim, parameter, reason } = error as Record<string, unknown>;
    return [claim, parameter, reason]
      .filter((part) => typeof part === "string")
      .map((part) => `"${String(part)}"`)
      .join(" ");
  }
  const code = "code" in error ? ` [${String(error.code)}]` : "";
  const cause = depth < 3 && error.cause !== undefined ? ` (${describe(error.cause, depth + 1)})` : "";
  return `${error.name}${code}: ${error.message}${cause}`;
}

/**
 * Where a logout of a school account goes: the provider's end_session_endpoint (RP-initiated
 * logout), with the ID token as hint, back to the login page afterwards. Undefined when the
 * provider offers none (Google does not) or cannot be reached: the local session ended anyway.
 */
export function ssoLogoutRedirect(
  clients: OidcClients,
  warn: (message: string) => void,
): (sso: { provider: string; idToken?: string }) => Promise<string | undefined> {
  return async (sso) => {
    const provider = clients.provider(sso.provider);
    if (provider === undefined) return undefined;
    try {
      const config = await clients.configuration(provider);
      if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: provider.postLogoutRedirectUri,
        client_id: provider.clientId,
        ...(sso.idToken === undefined ? {} : { id_token_hint: sso.idToken }),
      }).href;
    } catch (error) {
      warn(`SSO ${provider.id}: uitloggen bij de provider niet mogelijk: ${describe(error)}`);
      return undefined;
    }
  };
}
