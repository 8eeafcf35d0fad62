import type { ResultsService } from "../results-service.js";
import type { User } from "../users/user-repository.js";
import type { ScopeTarget } from "./scope-target.js";

/**
 * The one access rule: a beheerder sees everything; others see a school that is theirs or in
 * their board, their board, their opleiding, and their own account; a leerteam loads data for
 * the schools it sees.
 */
export async function canAccess(
  user: Pick<User, "role" | "scopes">,
  target: ScopeTarget,
  results: Pick<ResultsService, "schoolsOf">,
): Promise<boolean> {
  if (user.role === "beheerder") return true;
  switch (target.kind) {
    case "self":
      return true;
    case "admin":
      return false;
    case "upload":
      // data are loaded and erased by the leerteam; a directeur or docent only reads
      if (user.role !== "leerteam") return false;
      return canAccess(user, { kind: "school", school: target.school }, results);
    case "school": {
      if (user.scopes.schools?.includes(target.school) === true) return true;
      const bestuur = user.scopes.bestuur;
      return bestuur !== undefined && (await results.schoolsOf(bestuur)).includes(target.school);
    }
    case "bestuur":
      return user.scopes.bestuur === target.bestuur;
    case "opleiding":
      return user.scopes.opleiding === target.opleiding;
  }
}
