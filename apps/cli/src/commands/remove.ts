import { chooseReleases } from "@zaz/importer";
import { openStore } from "@zaz/store";
import { isPseudonym } from "@zaz/survey";
import { CliError, ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";

/**
 * `zaz remove --import ID` or `--respondent PSEUDONYM` — erases the data, also from the database
 * file itself. An import may be named by the first characters of its id, as `zaz imports` shows it.
 */
export async function remove(
  options: { import?: string; respondent?: string; db?: string; json?: boolean },
  effects: Effects,
): Promise<number> {
  if ((options.import === undefined) === (options.respondent === undefined)) {
    throw new CliError(msg.removeWhat, ExitCode.usage);
  }
  const store = await openStore(databasePath(effects, options.db));
  try {
    let erased: { responses: number; answers: number };
    let what: string;
    if (options.import !== undefined) {
      const prefix = options.import.trim().toLowerCase();
      const matches = (await store.listImports()).filter((r) => r.id.startsWith(prefix));
      if (prefix.length < 6 || matches.length === 0) throw new CliError(msg.importUnknown(options.import));
      if (matches.length > 1) throw new CliError(msg.importAmbiguous(options.import, matches.length));
      const [match] = matches;
      if (!match) throw new CliError(msg.importUnknown(options.import));
      erased = await store.removeImport(match.id);
      what = msg.removedImport(match.fileName, match.id);
    } else {
      const pseudonym = (options.respondent ?? "").trim();
      if (!isPseudonym(pseudonym)) throw new CliError(msg.notAPseudonym(pseudonym));
      erased = await store.removeRespondent(pseudonym);
      what = msg.removedRespondent(pseudonym);
    }
    if (erased.responses > 0) await chooseReleases(store, () => effects.now());
    if (options.json) effects.stdout.write(`${JSON.stringify({ removed: erased }, null, 2)}\n`);
    else
      effects.stderr.write(
        `${msg.removed(what, erased.responses, erased.answers, store.kind === "postgres")}\n`,
      );
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
