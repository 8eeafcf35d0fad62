import type { Store } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import {
  directoryOf,
  type FilterOptions,
  type FilterScope,
  filterOptions,
  precomputeViews,
  type ServedView,
  type ViewContext,
  ViewError,
  type ViewRequest,
  ViewService,
} from "@zaz/views";
import type { Catalog, ResultsService, ViewNotFound } from "./results-service.js";

/**
 * The dashboard's results from the store through the views layer: the same views the CLI prints.
 * A view is computed once per version of the stored data and kept (in memory and in the store);
 * a cached request does no database work.
 */
export class StoreResultsService implements ResultsService {
  readonly #views: ViewService;
  readonly #context: ViewContext;

  constructor(deps: { store: Store; privacy: PrivacySettings; now?: () => Date }) {
    this.#context = { store: deps.store, privacy: deps.privacy, now: deps.now ?? (() => new Date()) };
    this.#views = new ViewService(this.#context);
  }

  async schoolsOf(bestuur: string): Promise<string[]> {
    const directory = await directoryOf(this.#context.store);
    return directory.besturen.find((b) => b.id === bestuur)?.schools.map((s) => s.id) ?? [];
  }

  async catalog(): Promise<Catalog> {
    const directory = await directoryOf(this.#context.store);
    const labeled = (e: { id: string; name: string }) => ({ id: e.id, name: e.name });
    return {
      besturen: directory.besturen.map((b) => ({ ...labeled(b), schools: b.schools.map(labeled) })),
      opleidingen: directory.opleidingen.map(labeled),
    };
  }

  filters(scope: FilterScope): Promise<FilterOptions | undefined> {
    return filterOptions(this.#context, scope);
  }

  async view(request: ViewRequest): Promise<ServedView | ViewNotFound> {
    try {
      return await this.#views.get(request);
    } catch (error) {
      if (error instanceof ViewError) return { notFound: error.message };
      throw error;
    }
  }

  /** Computes the views people open first, so their first request is served from what is kept. */
  precompute(): Promise<number> {
    return precomputeViews(this.#views);
  }
}
