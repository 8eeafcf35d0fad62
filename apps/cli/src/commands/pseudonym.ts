import { loadOrCreateKey } from "@zaz/store";
import { pseudonym } from "@zaz/survey";
import { ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";

/**
 * `zaz pseudoniem WAARDE` — the pseudonym this installation gives a name or e-mail address, so a
 * parent's or student's request ("verwijder mijn gegevens", "mijn ontwikkelverslag") can be met
 * without the name ever being stored.
 */
export async function pseudonymCommand(
  value: string,
  options: { db?: string },
  effects: Effects,
): Promise<number> {
  const key = await loadOrCreateKey(databasePath(effects, options.db));
  effects.stdout.write(`${pseudonym(key, value)}\n`);
  return ExitCode.ok;
}
