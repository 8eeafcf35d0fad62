import { isSsoProviderId } from "@zaz/accounts";
import { fail, ok, type Problem, type Result } from "@zaz/model";
import { z } from "zod";
import { isLoopbackHost } from "../config.js";
import { ssoConfigMessages } from "../messages.js";

/** How the client proves itself at the token endpoint; what the provider registered it with. */
export const ClientAuthMethod = {
  basic: "client_secret_basic",
  post: "client_secret_post",
} as const;

export type ClientAuthMethod = (typeof ClientAuthMethod)[keyof typeof ClientAuthMethod];

export function isClientAuthMethod(value: unknown): value is ClientAuthMethod {
  return value === ClientAuthMethod.basic || value === ClientAuthMethod.post;
}

/** One OpenID Connect provider the dashboard offers ("Inloggen met je schoolaccount"). */
export interface OidcProviderConfig {
  /** short id: in the login URL, and the first part of its users' usernames; never change it */
  id: string;
  /** shown on the login button, e.g. "Entree Federatie" */
  label: string;
  /** the issuer URL; its /.well-known/openid-configuration is read at the first login */
  issuer: string;
  clientId: string;
  /** absent for a public client (PKCE only) */
  clientSecret?: string;
  clientAuth: ClientAuthMethod;
  /** registered at the provider: where it sends the browser back */
  redirectUri: string;
  /** registered at the provider: where its logout sends the browser back */
  postLogoutRedirectUri: string;
  /** requested scopes; always with "openid" */
  scopes: string[];
}

export interface SsoConfig {
  providers: OidcProviderConfig[];
  /** the JSON file that maps claims to roles and scopes */
  mappingFile: string;
}

/** The path of a provider's callback: the redirect URI is the public URL plus this. */
export function callbackPath(provider: string): string {
  return `/login/sso/${provider}/callback`;
}

/** https, or http on this machine only (a test provider, a local demo). */
function isSafeUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === "https:" ||
      (url.protocol === "http:" && isLoopbackHost(url.hostname.replace(/^\[|\]$/g, "")))
    );
  } catch {
    return false;
  }
}

const safeUrl = z.string().refine(isSafeUrl, { error: ssoConfigMessages.unsafeUrl });

const providerSchema = z
  .object({
    id: z.string().refine(isSsoProviderId, { error: ssoConfigMessages.invalidId }),
    label: z.string().min(1).max(80).optional(),
    issuer: safeUrl,
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    clientAuth: z
      .string()
      .refine(isClientAuthMethod, { error: ssoConfigMessages.invalidClientAuth })
      .optional(),
    redirectUri: safeUrl.optional(),
    postLogoutRedirectUri: safeUrl.optional(),
    scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/)).optional(),
  })
  .strict();

type ProviderInput = z.output<typeof providerSchema>;

const envSchema = z.object({
  ZAZ_OIDC_PROVIDERS: z.string().optional(),
  ZAZ_OIDC_ISSUER: z.string().optional(),
  ZAZ_OIDC_CLIENT_ID: z.string().optional(),
  ZAZ_OIDC_CLIENT_SECRET: z.string().optional(),
  ZAZ_OIDC_REDIRECT_URL: z.string().optional(),
  ZAZ_OIDC_ID: z.string().optional(),
  ZAZ_OIDC_LABEL: z.string().optional(),
  ZAZ_OIDC_SCOPES: z.string().optional(),
  ZAZ_PUBLIC_URL: safeUrl.optional(),
  ZAZ_SSO_MAPPING: z.string().min(1).optional(),
});

function problem(key: string, message: string, hint?: string): Problem {
  return {
    code: "invalid-sso-config",
    message: ssoConfigMessages.invalid(key, message),
    column: key,
    ...(hint ? { hint } : {}),
  };
}

/**
 * Reads the single sign-on providers from the environment: a JSON list in ZAZ_OIDC_PROVIDERS,
 * or one provider in ZAZ_OIDC_ISSUER, ZAZ_OIDC_CLIENT_ID, ZAZ_OIDC_CLIENT_SECRET and
 * ZAZ_OIDC_REDIRECT_URL (both may be used together). Undefined when none is configured: then
 * the login page offers the local form only. `defaultMappingFile` is where the claim mapping is
 * looked for when ZAZ_SSO_MAPPING is not set.
 */
export function readSsoConfig(
  env: Record<string, string | undefined>,
  defaultMappingFile?: string,
): Result<SsoConfig | undefined> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => problem(String(issue.path[0] ?? ""), issue.message)));
  }
  const value = parsed.data;
  const inputs: { key: string; input: unknown }[] = [];
  if (value.ZAZ_OIDC_PROVIDERS !== undefined && value.ZAZ_OIDC_PROVIDERS.trim() !== "") {
    let list: unknown;
    try {
      list = JSON.parse(value.ZAZ_OIDC_PROVIDERS);
    } catch {
      return fail([
        problem("ZAZ_OIDC_PROVIDERS", ssoConfigMessages.notJson, ssoConfigMessages.providersHint),
      ]);
    }
    if (!Array.isArray(list)) {
      return fail([
        problem("ZAZ_OIDC_PROVIDERS", ssoConfigMessages.notList, ssoConfigMessages.providersHint),
      ]);
    }
    list.forEach((input, index) => {
      inputs.push({ key: `ZAZ_OIDC_PROVIDERS[${index}]`, input });
    });
  }
  if (value.ZAZ_OIDC_ISSUER !== undefined && value.ZAZ_OIDC_ISSUER !== "") {
    inputs.push({
      key: "ZAZ_OIDC_ISSUER",
      input: {
        id: value.ZAZ_OIDC_ID ?? "school",
        issuer: value.ZAZ_OIDC_ISSUER,
        clientId: value.ZAZ_OIDC_CLIENT_ID,
        ...(value.ZAZ_OIDC_CLIENT_SECRET ? { clientSecret: value.ZAZ_OIDC_CLIENT_SECRET } : {}),
        ...(value.ZAZ_OIDC_REDIRECT_URL ? { redirectUri: value.ZAZ_OIDC_REDIRECT_URL } : {}),
        ...(value.ZAZ_OIDC_LABEL ? { label: value.ZAZ_OIDC_LABEL } : {}),
        ...(value.ZAZ_OIDC_SCOPES ? { scopes: value.ZAZ_OIDC_SCOPES.split(/\s+/).filter(Boolean) } : {}),
      },
    });
  }
  if (inputs.length === 0) return ok(undefined);

  const errors: Problem[] = [];
  const providers: OidcProviderConfig[] = [];
  for (const { key, input } of inputs) {
    const provider = providerSchema.safeParse(input);
    if (!provider.success) {
      for (const issue of provider.error.issues)
        errors.push(
          problem(`${key}.${issue.path.join(".")}`, issue.message, ssoConfigMessages.providersHint),
        );
      continue;
    }
    const resolved = resolveProvider(provider.data, value.ZAZ_PUBLIC_URL);
    if (typeof resolved === "string") errors.push(problem(key, resolved, ssoConfigMessages.publicUrlHint));
    else if (providers.some((p) => p.id === resolved.id))
      errors.push(problem(key, ssoConfigMessages.duplicateId(resolved.id)));
    else providers.push(resolved);
  }
  const mappingFile = value.ZAZ_SSO_MAPPING ?? defaultMappingFile;
  if (mappingFile === undefined) errors.push(problem("ZAZ_SSO_MAPPING", ssoConfigMessages.mappingMissing));
  if (errors.length > 0 || mappingFile === undefined) return fail(errors);
  return ok({ providers, mappingFile });
}

/** Fills in the URLs from ZAZ_PUBLIC_URL; a Dutch reason when neither is given. */
function resolveProvider(input: ProviderInput, publicUrl: string | undefined): OidcProviderConfig | string {
  const base = publicUrl?.replace(/\/+$/, "");
  const redirectUri =
    input.redirectUri ?? (base === undefined ? undefined : `${base}${callbackPath(input.id)}`);
  if (redirectUri === undefined) return ssoConfigMessages.redirectMissing(input.id);
  const expected = callbackPath(input.id);
  if (new URL(redirectUri).pathname !== expected) return ssoConfigMessages.redirectPath(input.id, expected);
  const scopes = input.scopes ?? ["openid", "profile", "email"];
  return {
    id: input.id,
    label: input.label ?? input.id,
    issuer: input.issuer,
    clientId: input.clientId,
    ...(input.clientSecret === undefined ? {} : { clientSecret: input.clientSecret }),
    clientAuth: (input.clientAuth as ClientAuthMethod | undefined) ?? ClientAuthMethod.basic,
    redirectUri,
    postLogoutRedirectUri: input.postLogoutRedirectUri ?? new URL("/login", redirectUri).href,
    scopes: scopes.includes("openid") ? scopes : ["openid", ...scopes],
  };
}
