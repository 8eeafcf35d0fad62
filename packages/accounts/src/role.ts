/**
 * What a user may do besides reading results in scope. Access to results is decided by the
 * user's scopes; the role says which views they start from and whether they manage users.
 */
export const Role = {
  /** a school director: the class overview of their own schools */
  directeur: "directeur",
  /** a leerteam of a school board: all schools of the board */
  leerteam: "leerteam",
  /** a Pabo lecturer: the leerlijn outcomes of one opleiding */
  docent: "docent",
  /** an administrator: everything, and user management */
  beheerder: "beheerder",
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const roles: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Usernames are stored lower-cased: "J.deVries@school.nl" and "j.devries@school.nl" are one account. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
