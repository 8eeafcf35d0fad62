import type { Store } from "@zaz/store";

/**
 * Memoises a value per store and data version: what every view of one version shares (the
 * directory of schools, the stored instruments) is read once, and again only after a change.
 */
export function perVersion<T>(read: (store: Store) => Promise<T>): (store: Store) => Promise<T> {
  const known = new WeakMap<Store, { version: number; value: Promise<T> }>();
  return async (store) => {
    const version = await store.dataVersion();
    const hit = known.get(store);
    if (hit !== undefined && hit.version === version) return hit.value;
    const value = read(store);
    known.set(store, { version, value });
    value.catch(() => known.delete(store));
    return value;
  };
}
