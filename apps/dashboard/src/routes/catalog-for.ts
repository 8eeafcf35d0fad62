import type { Catalog } from "../results-service.js";
import type { User } from "../users/user-repository.js";

/** The part of the catalog a user may see: their board whole, else only their own schools. */
export function catalogFor(user: Pick<User, "role" | "scopes">, catalog: Catalog): Catalog {
  if (user.role === "beheerder") return catalog;
  const schools = new Set(user.scopes.schools ?? []);
  const besturen = catalog.besturen
    .map((bestuur) =>
      bestuur.id === user.scopes.bestuur
        ? bestuur
        : { ...bestuur, schools: bestuur.schools.filter((school) => schools.has(school.id)) },
    )
    .filter((bestuur) => bestuur.id === user.scopes.bestuur || bestuur.schools.length > 0);
  const opleidingen = catalog.opleidingen.filter((opleiding) => opleiding.id === user.scopes.opleiding);
  return { besturen, opleidingen };
}
