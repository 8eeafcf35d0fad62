import type { Store } from "@zaz/store";

/**
 * Results depend only on what is stored, so a view computed once is served again until the data
 * change: an import, or an erasure that lowers an import's count. Bounded, oldest out first;
 * concurrent requests for the same view share one computation.
 */
export class ResultCache {
  readonly #entries = new Map<string, Promise<unknown>>();
  #version = "";

  constructor(
    private readonly store: Pick<Store, "listImports">,
    private readonly limit = 256,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const imports = await this.store.listImports();
    const version = imports.map((i) => `${i.id}:${i.responses}`).join("|");
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    const hit = this.#entries.get(key);
    if (hit) return hit as Promise<T>;
    const pending = compute();
    this.#entries.set(key, pending);
    // A failed computation is not remembered; the next request tries again.
    pending.catch(() => this.#entries.delete(key));
    if (this.#entries.size > this.limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return pending;
  }
}
