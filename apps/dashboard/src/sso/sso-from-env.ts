import { checkSsoMapping } from "@zaz/accounts";
import { fail, ok, type RegistryEntity, type Result } from "@zaz/model";
import { readSsoConfig } from "./sso-config.js";
import { loadSsoMappingFile, watchedMapping } from "./sso-mapping-file.js";
import type { SsoSetup } from "./sso-setup.js";

export interface SsoEnvOptions {
  /** the registered schools and boards (the store's registry) */
  registry?: () => Promise<readonly RegistryEntity[]>;
  /** the mapping file when ZAZ_SSO_MAPPING is not set, e.g. beside the database */
  defaultMappingFile?: string;
  warn?: (message: string) => void;
}

/**
 * Single sign-on as the environment configures it: undefined when no provider is set, problems
 * (in Dutch) when a setting or the mapping file is wrong, so the dashboard does not start half
 * configured. Ids in the mapping that the registry does not know are warnings.
 */
export async function ssoFromEnv(
  env: Record<string, string | undefined>,
  options: SsoEnvOptions,
): Promise<Result<SsoSetup | undefined>> {
  const config = readSsoConfig(env, options.defaultMappingFile);
  if (!config.ok) return config;
  if (config.value === undefined) return ok(undefined);
  const { providers, mappingFile } = config.value;
  if (options.registry === undefined)
    throw new Error("single sign-on needs the registry of schools and boards");
  const mapping = await loadSsoMappingFile(mappingFile);
  if (!mapping.ok) return fail(mapping.errors, mapping.warnings);
  const registry = options.registry;
  const warnings = checkSsoMapping(mapping.value, await registry(), mappingFile);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  return ok(
    { providers, mapping: watchedMapping(mappingFile, mapping.value, warn), registry, warn },
    warnings,
  );
}
