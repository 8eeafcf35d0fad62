import { codeFingerprint } from "./code-fingerprint.js";
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

/**
 * Views kept until the data change. A view is computed once per version of the stored data: then
 * kept in memory (serialised, with an ETag) and in the store (so a restarted dashboard or a CLI
 * report finds it), and served again without any database work until the version moves.
 * Concurrent requests for one view share one computation. Student views are never kept: they are
 * one person's own feedback, read rarely.
 */
export class ViewService {
  readonly #memory = new Map<string, { version: number; served: Promise<ServedView> }>();

  constructor(
    readonly context: ViewContext,
    private readonly options: { limit?: number; persist?: boolean } = {},
  ) {}

  async get(request: ViewRequest): Promise<ServedView> {
    const version = await this.context.store.dataVersion();
    if (request.kind === "ontwikkeling") return serve(await computeView(this.context, request));
    const key = keyOf(request, this.context);
    const hit = this.#memory.get(key);
    if (hit !== undefined && hit.version === version) {
      // most recently used last, so the oldest goes first when the map is full
      this.#memory.delete(key);
      this.#memory.set(key, hit);
      return hit.served;
    }
    const served = this.#load(key, request, version);
    this.#memory.set(key, { version, served });
    served.catch(() => this.#memory.delete(key));
    const limit = this.options.limit ?? 512;
    while (this.#memory.size > limit) {
      const oldest = this.#memory.keys().next().value;
      if (oldest === undefined) break;
      this.#memory.delete(oldest);
    }
    return served;
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
