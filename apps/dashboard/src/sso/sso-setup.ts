import type { SsoMapping } from "@zaz/accounts";
import type { RegistryEntity } from "@zaz/model";
import type { OidcProviderConfig } from "./sso-config.js";

/** What createServer needs to offer "Inloggen met je schoolaccount". */
export interface SsoSetup {
  providers: readonly OidcProviderConfig[];
  /** the claim mapping, or how to get the one in force at each login (watchedMapping) */
  mapping: SsoMapping | (() => Promise<SsoMapping>);
  /** the registered schools and boards (the store's registry), read at each login */
  registry: () => Promise<readonly RegistryEntity[]>;
  /** refused and failed logins, for the beheerder; default console.warn */
  warn?: (message: string) => void;
}
