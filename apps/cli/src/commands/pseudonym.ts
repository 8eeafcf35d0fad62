import { loadOrCreateKey } from "@zaz/store";
import { isPlaceholderIdentity, pseudonym } from "@zaz/survey";
import { CliError, ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";

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
  // The ingest gives placeholders no pseudonym; one here would match no one, or look as if it did.
  if (isPlaceholderIdentity(value)) throw new CliError(msg.placeholderIdentity(value.trim()));
  const key = await loadOrCreateKey(databasePath(effects, options.db));
  effects.stdout.write(`${pseudonym(key, value)}\n`);
  return ExitCode.ok;
}
