import type { ActionPointTable, Store } from "@zaz/store";
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
import { ComputeLimit, type ComputeLimitOptions } from "./security/compute-limit.js";
import { defaultMissPacing, type Pacing, UserPacer } from "./security/user-pacer.js";

/**
 * The dashboard's results from the store through the views layer: the same views the CLI prints.
 * A view is computed once per version of the stored data and kept (in memory and in the store);
 * a cached request does no database work.
 */
export class StoreResultsService implements ResultsService {
  readonly #views: ViewService;
  readonly #context: ViewContext;
  readonly #limit: ComputeLimit;
  readonly #misses: UserPacer;
  readonly actions: ActionPointTable;

  constructor(deps: {
    store: Store;
    privacy: PrivacySettings;
    now?: () => Date;
    /** bounds on uncached computations (defaultComputeLimits) */
    limits?: Partial<ComputeLimitOptions>;
    /** how fast one user's computations start once their burst is spent (defaultMissPacing) */
    missPacing?: Partial<Pacing>;
    /** views kept in memory, in all and per user (ViewService's defaults) */
    memory?: { limit?: number; perOwner?: number };
  }) {
    this.#context = { store: deps.store, privacy: deps.privacy, now: deps.now ?? (() => new Date()) };
    this.#views = new ViewService(this.#context, { ...deps.memory });
    this.#limit = new ComputeLimit(deps.limits);
    this.#misses = new UserPacer({ ...defaultMissPacing, ...deps.missPacing });
    this.actions = deps.store.actions;
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

  async view(request: ViewRequest, asker?: { user: string }): Promise<ServedView | ViewNotFound> {
    const limit = this.#limit;
    const misses = this.#misses;
    // A miss first waits its turn in the user's pace, then for a computation slot (or a 429).
    const admit = async (user: string) => {
      await misses.pace(user);
      return limit.admit(user);
    };
    const ask = asker === undefined ? {} : { owner: asker.user, admit: () => admit(asker.user) };
    try {
      return await this.#views.get(request, ask);
    } catch (error) {
      if (error instanceof ViewError) return { notFound: error.message };
      throw error;
    }
  }

  /** How many views are kept in memory per user ("" for shared ones): for tests and benchmarks. */
  keptPerUser(): ReadonlyMap<string, number> {
    return this.#views.keptPerOwner();
  }

  /** Computations in flight and waiting: for tests and benchmarks. */
  computeLoad(): { running: number; waiting: number } {
    return this.#limit.load();
  }

  /** Computes the views people open first, so their first request is served from what is kept. */
  precompute(): Promise<number> {
    return precomputeViews(this.#views);
  }
}
