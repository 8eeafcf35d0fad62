/// <reference path="./oidc-provider.d.ts" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import Provider, { type ProviderContext } from "oidc-provider";

/**
 * A real OpenID Connect provider (the certified `oidc-provider`) on 127.0.0.1, for tests: its
 * dev login form takes any login name and password, and the login name is the subject whose
 * claims `accounts` holds. Claims are read at each login (userinfo), so a test changes them
 * between logins. `tamperIdToken` replaces the ID token the token endpoint returns, to test
 * that the dashboard refuses an expired, wrongly signed or wrongly bound one.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** claims per subject (the login name typed at the provider) */
  accounts: Map<string, Record<string, unknown>>;
  tamperIdToken: ((idToken: string) => Promise<string>) | undefined;
  /**
   * The ID token, changed by `change` and signed again: with the provider's own key (a valid
   * signature over changed claims) or with another key under the same key id (a forgery).
   */
  resign(idToken: string, change: (payload: JWTPayload) => JWTPayload, key: "own" | "other"): Promise<string>;
  /** registers the dashboard as client; call once its address is known */
  register(client: { redirectUri: string; postLogoutRedirectUri: string }): void;
  close(): Promise<void>;
}

const kid = "zaz-test-key";

export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler === undefined) {
      res.statusCode = 503;
      res.end();
    } else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const own = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(own.privateKey)), kid, alg: "RS256", use: "sig" };

  const provider: TestOidcProvider = {
    issuer,
    clientId: "zij-aan-zij",
    clientSecret: "test-client-secret-0123456789abcdef",
    accounts: new Map(),
    tamperIdToken: undefined,
    async resign(idToken, change, key) {
      return new SignJWT(change(decodeJwt(idToken)))
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .sign(key === "own" ? own.privateKey : other.privateKey);
    },
    register(client) {
      const oidc = new Provider(issuer, {
        clients: [
          {
            client_id: provider.clientId,
            client_secret: provider.clientSecret,
            redirect_uris: [client.redirectUri],
            post_logout_redirect_uris: [client.postLogoutRedirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        jwks: { keys: [jwk] },
        cookies: { keys: ["test-cookie-key-0123456789abcdef"] },
        // the school's own claims come with the openid scope, as a federation releases them
        claims: {
          openid: ["sub", "groups", "eduPersonAffiliation", "nlEduPersonHomeOrganizationId", "hd"],
          email: ["email"],
          profile: ["name", "given_name", "family_name"],
        },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        findAccount: async (_ctx: unknown, sub: string) => ({
          accountId: sub,
          claims: async () => ({ sub, ...(provider.accounts.get(sub) ?? {}) }),
        }),
        // no consent screen: a school's own provider does not ask its staff each time
        loadExistingGrant: async (ctx: ProviderContext) => {
          const grantId =
            ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
          if (grantId !== undefined) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client.clientId,
            accountId: ctx.oidc.session.accountId,
          });
          grant.addOIDCScope("openid email profile");
          await grant.save();
          return grant;
        },
      });
      oidc.use(async (ctx, next) => {
        await next();
        const body = ctx.body as { id_token?: unknown } | undefined;
        if (
          ctx.path === "/token" &&
          provider.tamperIdToken !== undefined &&
          typeof body?.id_token === "string"
        ) {
          body.id_token = await provider.tamperIdToken(body.id_token);
        }
      });
      handler = oidc.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return provider;
}
