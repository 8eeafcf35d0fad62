import { randomBytes } from "node:crypto";
import { fail, ok, type Result } from "@zaz/model";
import { configMessages } from "./messages.js";

/**
 * The secret that signs the session cookie, the CSRF tokens and the single sign-on transaction
 * cookie. One DuckDB dashboard is the only process on its database, so `npm start` may make a new
 * one each start (everyone logs in again after a restart). On PostgreSQL several processes serve
 * the same sessions behind one address: a cookie signed by one must verify in the others, so the
 * secret must come from the environment, the same in every process.
 */
export function sessionSecretFor(
  env: Record<string, string | undefined>,
  storeKind: "duckdb" | "postgres",
  random: () => string = () => randomBytes(32).toString("hex"),
): Result<string> {
  const given = env.ZAZ_SESSION_SECRET;
  if (given !== undefined && given !== "") return ok(given);
  if (storeKind === "duckdb") return ok(random());
  return fail([
    {
      code: "shared-secret-missing",
      message: configMessages.sharedSecretMissing,
      column: "ZAZ_SESSION_SECRET",
      hint: configMessages.secretHint,
    },
  ]);
}
