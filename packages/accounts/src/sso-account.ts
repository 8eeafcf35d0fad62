import { createHash } from "node:crypto";

/**
 * What an account made by single sign-on keeps where a local account keeps its scrypt hash. It
 * is not a scrypt hash, so verifyPassword rejects every password against it: such an account can
 * only log in through its provider. The provider id travels with it, so `zaz user list` and the
 * dashboard can tell SSO accounts and their provider apart without another column.
 */
const ssoPrefix = "sso$";

/** A provider's short id: what its users' usernames start with and its login URL names. */
const providerIdPattern = /^[a-z][a-z0-9-]{0,31}$/;

export function isSsoProviderId(value: unknown): value is string {
  return typeof value === "string" && providerIdPattern.test(value);
}

export function ssoPasswordHash(provider: string): string {
  if (!isSsoProviderId(provider)) throw new Error(`Not a provider id: ${provider}`);
  return `${ssoPrefix}${provider}`;
}

/** The provider of an SSO account, or undefined for a local account. */
export function ssoProviderOf(passwordHash: string): string | undefined {
  if (!passwordHash.startsWith(ssoPrefix)) return undefined;
  const provider = passwordHash.slice(ssoPrefix.length);
  return isSsoProviderId(provider) ? provider : undefined;
}

export function isSsoPasswordHash(passwordHash: string): boolean {
  return passwordHash.startsWith(ssoPrefix);
}

/**
 * The username of an SSO account: the provider id and a digest of (issuer, subject). The
 * subject is the only stable identifier OIDC promises (an e-mail address changes and is
 * reused), but it is case-sensitive and can be long (Entra's are 43 characters of base64url),
 * while usernames are lower-cased: a hex digest keeps it stable, short and lower-case.
 * It fits the CLI's username pattern, so `zaz user block` takes it as it is listed.
 */
export function ssoUsername(provider: string, issuer: string, subject: string): string {
  if (!isSsoProviderId(provider)) throw new Error(`Not a provider id: ${provider}`);
  const digest = createHash("sha256").update(`${issuer}\u0000${subject}`).digest("hex").slice(0, 20);
  return `${provider}.${digest}`;
}
