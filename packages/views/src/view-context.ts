import type { Store, StoredInstrument } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import { perVersion } from "./data/cache-by-version.js";

/** What a view needs from the outside world: the store, the privacy rule and a clock. */
export interface ViewContext {
  readonly store: Store;
  readonly privacy: PrivacySettings;
  readonly now: () => Date;
}

/** The stored instruments, read once per version of the data. */
export const storedInstruments: (store: Store) => Promise<StoredInstrument[]> = perVersion((store) =>
  store.instruments(),
);
