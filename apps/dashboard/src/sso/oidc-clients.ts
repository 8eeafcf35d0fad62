import * as oidc from "openid-client";
import { isLoopbackHost } from "../config.js";
import type { OidcProviderConfig } from "./sso-config.js";

/**
 * The openid-client configuration of each provider, made at its first login from the issuer's
 * discovery document (endpoints, signing keys) and kept. A provider that is down at start does
 * not stop the dashboard: a failed discovery is forgotten, so the next login tries again.
 */
export class OidcClients {
  readonly #providers: Map<string, OidcProviderConfig>;
  readonly #configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(providers: readonly OidcProviderConfig[]) {
    this.#providers = new Map(providers.map((provider) => [provider.id, provider]));
  }

  provider(id: string): OidcProviderConfig | undefined {
    return this.#providers.get(id);
  }

  get providers(): OidcProviderConfig[] {
    return [...this.#providers.values()];
  }

  configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let config = this.#configs.get(provider.id);
    if (config === undefined) {
      config = discover(provider);
      this.#configs.set(provider.id, config);
      config.catch(() => this.#configs.delete(provider.id));
    }
    return config;
  }
}

function discover(provider: OidcProviderConfig): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer);
  // plain http only for a provider on this machine (tests, a local demo): sso-config allows no other
  const insecure = issuer.protocol === "http:" && isLoopbackHost(issuer.hostname.replace(/^\[|\]$/g, ""));
  const auth =
    provider.clientSecret === undefined
      ? oidc.None()
      : provider.clientAuth === "client_secret_post"
        ? oidc.ClientSecretPost(provider.clientSecret)
        : oidc.ClientSecretBasic(provider.clientSecret);
  return oidc.discovery(issuer, provider.clientId, undefined, auth, {
    timeout: 10,
    // An ID token from the token endpoint may, by the letter of OIDC, go unsigned-checked (TLS
    // vouches for it); openid-client then checks only its claims. Here its signature is checked
    // too, against the provider's published keys: a token is trusted for what it says, not for
    // the road it came by (a proxy, a misconfigured TLS termination).
    execute: insecure
      ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks]
      : [oidc.enableNonRepudiationChecks],
  });
}
