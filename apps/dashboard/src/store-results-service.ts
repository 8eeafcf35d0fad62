import type { Instrument } from "@zaz/model";
import type { Store } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import { boardOverview } from "./results/board-overview.js";
import { classOverview } from "./results/class-overview.js";
import { catalogOf, type Directory, findBestuur, loadDirectory } from "./results/directory.js";
import { filterOptions } from "./results/filter-options.js";
import { groepDetail } from "./results/groep-detail.js";
import { leerlijnView } from "./results/leerlijn-view.js";
import { ResultCache } from "./results/result-cache.js";
import type { ResultsDeps } from "./results/results-deps.js";
import type {
  BoardOverview,
  Catalog,
  ClassOverview,
  FilterOptions,
  FilterScope,
  GroepDetail,
  LeerlijnQuery,
  LeerlijnView,
  ResultsService,
} from "./results-service.js";

/**
 * The dashboard's results from the store: the same analysis and suppression as the CLI (@zaz/survey)
 * drawn with the shared chart builders (@zaz/charts). Schools, boards and opleidingen go by slug ids
 * ("de-regenboog"). Views are cached until the stored data change, so a new import shows at once.
 */
export class StoreResultsService implements ResultsService {
  readonly #deps: ResultsDeps;
  readonly #cache: ResultCache;

  constructor(deps: {
    store: Store;
    instruments: ReadonlyMap<string, Instrument>;
    privacy: PrivacySettings;
  }) {
    this.#deps = { store: deps.store, instruments: deps.instruments, privacy: deps.privacy };
    this.#cache = new ResultCache(deps.store);
  }

  async schoolsOf(bestuur: string): Promise<string[]> {
    const directory = await this.#directory();
    return findBestuur(directory, bestuur)?.schools.map((s) => s.id) ?? [];
  }

  async catalog(): Promise<Catalog> {
    return catalogOf(await this.#directory());
  }

  async filters(scope: FilterScope): Promise<FilterOptions | undefined> {
    return this.#cache.get(`filters:${JSON.stringify(scope)}`, async () =>
      filterOptions(this.#deps, await this.#directory(), scope),
    );
  }

  async classOverview(query: { school: string; wave: string }): Promise<ClassOverview | undefined> {
    return this.#cache.get(`class:${query.school}:${query.wave}`, async () =>
      classOverview(this.#deps, await this.#directory(), query),
    );
  }

  async groepDetail(query: {
    school: string;
    wave: string;
    groep: string;
  }): Promise<GroepDetail | undefined> {
    return this.#cache.get(`groep:${query.school}:${query.wave}:${query.groep}`, async () =>
      groepDetail(this.#deps, await this.#directory(), query),
    );
  }

  async boardOverview(query: { bestuur: string }): Promise<BoardOverview | undefined> {
    return this.#cache.get(`board:${query.bestuur}`, async () =>
      boardOverview(this.#deps, await this.#directory(), query),
    );
  }

  async leerlijn(query: LeerlijnQuery): Promise<LeerlijnView | undefined> {
    return this.#cache.get(`leerlijn:${JSON.stringify(query)}`, async () =>
      leerlijnView(this.#deps, await this.#directory(), query),
    );
  }

  #directory(): Promise<Directory> {
    return this.#cache.get("directory", () => loadDirectory(this.#deps));
  }
}
