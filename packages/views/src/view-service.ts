import { codeFingerprint } from "./code-fingerprint.js";
import { ViewError } from "./messages.js";
import type { View, ViewKind } from "./view.js";
import type { ViewContext } from "./view-context.js";
import { groepView } from "./views/groep-view.js";
import { klassenView } from "./views/klassen-view.js";
import { type LeerlijnParams, leerlijnView } from "./views/leerlijn-view.js";
import { ontwikkelingView } from "./views/ontwikkeling-view.js";
import { scholenView } from "./views/scholen-view.js";

/** The parameters of each view, by id or name. */
export interface ViewParams {
  klassen: { school: string; wave: string };
  groep: { school: string; wave: string; groep: string };
  scholen: { bestuur: string };
  leerlijn: LeerlijnParams;
  ontwikkeling: { student: string };
}

export type ViewRequest = { [K in ViewKind]: { kind: K; params: ViewParams[K] } }[ViewKind];

/** Computes one view from the store; no caching. */
export function computeView(context: ViewContext, request: ViewRequest): Promise<View> {
  switch (request.kind) {
    case "klassen":
      return klassenView(context, request.params);
    case "groep":
      return groepView(context, request.params);
    case "scholen":
      return scholenView(context, request.params);
    case "leerlijn":
      return leerlijnView(context, request.params);
    case "ontwikkeling":
      return ontwikkelingView(context, request.params);
  }
}

/** A computed view and its JSON, serialised once, with an entity tag for HTTP caching. */
export interface ServedView {
  readonly view: View;
  readonly body: string;
  readonly etag: string;
  readonly dataVersion: number;
}

function keyOf(request: ViewRequest, context: ViewContext): string {
  const params = Object.entries(request.params as Record<string, string | undefined>)
    .filter(([, v]) => v !== undefined && v !== "")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${request.kind}?${new URLSearchParams(params as [string, string][]).toString()}#k=${context.privacy.k},${context.privacy.kText}#${codeFingerprint()}`;
}

/** Who asks for a view, and what a computation must wait for; both optional (the CLI passes neither). */
export interface ViewAsk {
  /**
   * The user a computed view is kept for: one owner's misses evict that owner's own views, never
   * those of others (see ViewService). Undefined: shared (the CLI, precompute).
   */
  readonly owner?: string;
  /**
   * Called before a view is computed or read from the store, never for one kept in memory: waits
   * for a slot (or throws, e.g. "too many requests") and returns the function that frees it.
   */
  readonly admit?: () => Promise<() => void>;
}

export interface ViewServiceOptions {
  /** views kept in memory in all (default 512) */
  readonly limit?: number;
  /** views kept in memory for one owner (default 32); shared views have no quota of their own */
  readonly perOwner?: number;
  /** also keep views in the store's view_results (default true) */
  readonly persist?: boolean;
}

interface Kept {
  readonly served: Promise<ServedView>;
  /** "" for shared views */
  readonly owner: string;
}

/**
 * Views kept until the data change. A view is computed once per version of the stored data: then
 * kept in memory (serialised, with an ETag) and in the store (so a restarted dashboard or a CLI
 * report finds it), and served again without any database work until the version moves.
 * Concurrent requests for one view share one computation. Student views are never kept: they are
 * one person's own feedback, read rarely.
 *
 * Memory is shared fairly: every kept view belongs to whoever caused its computation, an owner
 * holds at most `perOwner` views, and when the whole cache is full the asking owner's own oldest
 * view goes first. So one user requesting many distinct views only ever evicts their own, and the
 * views others are served from stay.
 */
export class ViewService {
  /** in order of use, most recent last */
  readonly #memory = new Map<string, Kept>();
  readonly #perOwner = new Map<string, number>();
  #version: number | undefined;

  constructor(
    readonly context: ViewContext,
    private readonly options: ViewServiceOptions = {},
  ) {}

  async get(request: ViewRequest, ask: ViewAsk = {}): Promise<ServedView> {
    if (request.kind === "ontwikkeling") {
      const release = await ask.admit?.();
      try {
        return serve(await computeView(this.context, request));
      } finally {
        release?.();
      }
    }
    const key = keyOf(request, this.context);
    const hit = this.#hit(key, await this.context.store.dataVersion());
    if (hit !== undefined) return hit;
    // Only a miss waits for admission; once admitted, another request may have started it meanwhile.
    const release = await ask.admit?.();
    try {
      const version = await this.context.store.dataVersion();
      const started = this.#hit(key, version);
      if (started !== undefined) return await started;
      const served = this.#load(key, request, version);
      this.#keep(key, { served, owner: ask.owner ?? "" });
      // A view that cannot be made (ViewError) stays so until the data change: kept like a view,
      // so asking again costs nothing. Anything else may be passing: tried again next time.
      served.catch((error: unknown) => {
        if (!(error instanceof ViewError) && this.#memory.get(key)?.served === served) this.#forget(key);
      });
      return await served;
    } finally {
      release?.();
    }
  }

  /** The view kept in memory for the data as they are now (or being computed), touched as used. */
  #hit(key: string, version: number): Promise<ServedView> | undefined {
    if (version !== this.#version) {
      // Views of an older version are never served again: they should not take anyone's room.
      this.#memory.clear();
      this.#perOwner.clear();
      this.#version = version;
    }
    const hit = this.#memory.get(key);
    if (hit === undefined) return undefined;
    this.#memory.delete(key);
    this.#memory.set(key, hit);
    return hit.served;
  }

  #keep(key: string, kept: Kept): void {
    if (this.#memory.has(key)) this.#forget(key);
    this.#memory.set(key, kept);
    this.#perOwner.set(kept.owner, (this.#perOwner.get(kept.owner) ?? 0) + 1);
    const quota = this.options.perOwner ?? 32;
    if (kept.owner !== "") while ((this.#perOwner.get(kept.owner) ?? 0) > quota) this.#evict(kept.owner, key);
    const limit = this.options.limit ?? 512;
    while (this.#memory.size > limit) {
      const own = (this.#perOwner.get(kept.owner) ?? 0) > 1 ? kept.owner : this.#largestOwner(key);
      if (!this.#evict(own, key)) break;
    }
  }

  /** The owner holding the most views, not counting `except`. */
  #largestOwner(except: string): string {
    let largest = "";
    let most = -1;
    for (const [owner, count] of this.#perOwner) {
      const others = count - (this.#memory.get(except)?.owner === owner ? 1 : 0);
      if (others > most) {
        most = others;
        largest = owner;
      }
    }
    return largest;
  }

  /** Drops the least recently used view of `owner` other than `except`; false when there is none. */
  #evict(owner: string, except: string): boolean {
    for (const [key, kept] of this.#memory) {
      if (kept.owner === owner && key !== except) {
        this.#forget(key);
        return true;
      }
    }
    return false;
  }

  #forget(key: string): void {
    const kept = this.#memory.get(key);
    if (kept === undefined) return;
    this.#memory.delete(key);
    const count = (this.#perOwner.get(kept.owner) ?? 1) - 1;
    if (count > 0) this.#perOwner.set(kept.owner, count);
    else this.#perOwner.delete(kept.owner);
  }

  /** How many views are kept in memory, per owner ("" for shared ones): for tests and benchmarks. */
  keptPerOwner(): ReadonlyMap<string, number> {
    return new Map(this.#perOwner);
  }

  async #load(key: string, request: ViewRequest, version: number): Promise<ServedView> {
    const persist = this.options.persist ?? true;
    if (persist) {
      const kept = await this.context.store.viewResults.get(key);
      if (kept !== undefined && kept.dataVersion === version) return fromBody(kept.body);
    }
    const served = serve(await computeView(this.context, request));
    if (persist && served.dataVersion === version)
      await this.context.store.viewResults.put(key, version, served.body);
    return served;
  }
}

function serve(view: View): ServedView {
  const body = JSON.stringify(view);
  return { view, body, etag: etagOf(view.dataVersion, body), dataVersion: view.dataVersion };
}

function fromBody(body: string): ServedView {
  const view = JSON.parse(body) as View;
  return { view, body, etag: etagOf(view.dataVersion, body), dataVersion: view.dataVersion };
}

/** A weak tag: the data version and the body's length and a cheap checksum. */
function etagOf(version: number, body: string): string {
  let h = 2166136261;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 16777619);
  return `W/"${version}-${body.length.toString(36)}-${(h >>> 0).toString(36)}"`;
}
