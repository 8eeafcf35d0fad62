import type { Store } from "@zaz/store";
import { defaultPrivacy } from "@zaz/survey";

/**
 * After the data changed, chooses what the views hide (the release over all views, kept with the
 * new data version), so no report or dashboard request has to. Loaded only then: the views
 * package is large, and a refused or repeated import needs none of it.
 */
export async function chooseReleases(store: Store, now: () => Date): Promise<void> {
  const { precomputeReleases } = await import("@zaz/views");
  await precomputeReleases({ store, privacy: defaultPrivacy, now });
}
