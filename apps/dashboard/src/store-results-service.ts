import type { Instrument } from "@zaz/model";
import type { Store } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import { boardOverview } from "./results/board-overview.js";
import { classOverview } from "./results/class-overview.js";
import { catalogOf, type Directory, findBestuur, loadDirectory } from "./results/directory.js";
import { filterOptions } from "./results/filter-options.js";
import { groepDetail } from "./results/groep-detail.js";
import { leerlijnView } from "./results/leerlijn-view.js";
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
 * ("de-regenboog"); names are looked up afresh on every call, so a new import shows at once.
 */
export class StoreResultsService implements ResultsService {
  readonly #deps: ResultsDeps;

  constructor(deps: {
    store: Store;
    instruments: ReadonlyMap<string, Instrument>;
    privacy: PrivacySettings;
  }) {
    this.#deps = { store: deps.store, instruments: deps.instruments, privacy: deps.privacy };
  }

  async schoolsOf(bestuur: string): Promise<string[]> {
    const directory = await this.#directory();
    return findBestuur(directory, bestuur)?.schools.map((s) => s.id) ?? [];
  }

  async catalog(): Promise<Catalog> {
    return catalogOf(await this.#directory());
  }

  async filters(scope: FilterScope): Promise<FilterOptions | undefined> {
    return filterOptions(this.#deps, await this.#directory(), scope);
  }

  async classOverview(query: { school: string; wave: string }): Promise<ClassOverview | undefined> {
    return classOverview(this.#deps, await this.#directory(), query);
  }

  async groepDetail(query: {
    school: string;
    wave: string;
    groep: string;
  }): Promise<GroepDetail | undefined> {
    return groepDetail(this.#deps, await this.#directory(), query);
  }

  async boardOverview(query: { bestuur: string }): Promise<BoardOverview | undefined> {
    return boardOverview(this.#deps, await this.#directory(), query);
  }

  async leerlijn(query: LeerlijnQuery): Promise<LeerlijnView | undefined> {
    return leerlijnView(this.#deps, await this.#directory(), query);
  }

  #directory(): Promise<Directory> {
    return loadDirectory(this.#deps);
  }
}
