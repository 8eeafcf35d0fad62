import type { Role, UserScopes } from "@zaz/accounts";
import { hashPassword, type ScryptParams } from "@zaz/accounts";
import { MemoryUserRepository } from "../users/memory-user-repository.js";
import type { User } from "../users/user-repository.js";

/** One account per role over `demoFixture()`; all share `demoPassword`. */
export const demoAccounts: readonly { username: string; role: Role; scopes: UserScopes }[] = [
  { username: "directeur", role: "directeur", scopes: { schools: ["de-regenboog"] } },
  { username: "leerteam", role: "leerteam", scopes: { bestuur: "asko" } },
  { username: "docent", role: "docent", scopes: { opleiding: "pabo-hva" } },
  { username: "beheerder", role: "beheerder", scopes: {} },
];

export const demoPassword = "correct paard batterij niet";

/** Cheap scrypt parameters: tests log in often; production keeps the defaults. */
export const fastScryptParams: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export async function demoUsers(params: ScryptParams = fastScryptParams): Promise<MemoryUserRepository> {
  const passwordHash = await hashPassword(demoPassword, params);
  const users: User[] = demoAccounts.map((account) => ({ ...account, passwordHash }));
  return new MemoryUserRepository(users);
}
