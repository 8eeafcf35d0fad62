import type { Store } from "@zaz/store";
import { defaultPrivacy } from "@zaz/survey";

type Views = typeof import("@zaz/views");

let views: Promise<Views> | undefined;

/**
 * The views package, loaded once. Loaded only when needed (it is large, and a refused or repeated
 * import needs none of it), and started while an import runs (runImport): the import's main
 * thread mostly waits on the store then, and loading after it took 0.1 s of every import.
 */
export function loadViews(): Promise<Views> {
  views ??= import("@zaz/views");
  return views;
}

/**
 * After the data changed, chooses what the views hide (the release over all views, kept with the
 * new data version), so no report or dashboard request has to.
 */
export async function chooseReleases(store: Store, now: () => Date): Promise<void> {
  const { precomputeReleases } = await loadViews();
  await precomputeReleases({ store, privacy: defaultPrivacy, now });
}
