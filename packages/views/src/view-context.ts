import type { Store, StoredInstrument } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import { perVersion } from "./data/cache-by-version.js";
import { withRegistryLabels } from "./data/registry-labels.js";

/** What a view needs from the outside world: the store, the privacy rule and a clock. */
export interface ViewContext {
  readonly store: Store;
  readonly privacy: PrivacySettings;
  readonly now: () => Date;
}

/**
 * The stored instruments, read once per version of the data. Their school and board dimensions
 * get the registry's names as value labels: the data hold ids, reports show names.
 */
export const storedInstruments: (store: Store) => Promise<StoredInstrument[]> = perVersion(async (store) =>
  withRegistryLabels(await store.instruments(), await store.registry.list()),
);
