import type { ActionPointTable } from "@zaz/store";
import type { FilterOptions, FilterScope, Labeled, ServedView, ViewRequest } from "@zaz/views";

export type { FilterOptions, FilterScope, Labeled };

/** Everything a user could be given access to, for the home page and a beheerder's choices. */
export interface Catalog {
  besturen: (Labeled & { schools: Labeled[] })[];
  opleidingen: Labeled[];
}

/** A view that cannot be made for the request (no such school, wave, groep …), with the reason in Dutch. */
export interface ViewNotFound {
  readonly notFound: string;
}

/**
 * The dashboard's only source of results: the views of @zaz/views, the same values the CLI
 * renders, serialised once. Never raw responses, never free text of a group under the free-text
 * threshold. Schools, boards and opleidingen go by id.
 */
export interface ResultsService {
  /** the school ids of a board: the server's scope check for leerteams */
  schoolsOf(bestuur: string): Promise<string[]>;
  /** all boards with their schools and all opleidingen; the server filters it per user */
  catalog(): Promise<Catalog>;
  filters(scope: FilterScope): Promise<FilterOptions | undefined>;
  /**
   * A view, kept or computed. With `asker` (the dashboard's requests), a computation counts against
   * that user's limits (a 429 HttpError beyond them) and what it keeps against their share of memory.
   */
  view(request: ViewRequest, asker?: { user: string }): Promise<ServedView | ViewNotFound>;
  /** the schools' action points, where the results come from a store that keeps them */
  readonly actions?: ActionPointTable;
}

export function isNotFound(value: ServedView | ViewNotFound): value is ViewNotFound {
  return "notFound" in value;
}
