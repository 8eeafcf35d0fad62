import type { Problem } from "@zaz/model";
import { openStore, type Store } from "@zaz/store";
import { ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { printProblems } from "../problems.js";

/** Runs a command's work on the research database, closed afterwards whatever happens. */
export async function withStore<T>(
  effects: Effects,
  db: string | undefined,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(databasePath(effects, db));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A refused change: its problems, that nothing was saved, and exit code 1. */
export function refuse(effects: Effects, problems: readonly Problem[]): number {
  printProblems(effects, problems, "error");
  effects.stderr.write(`${msg.nothingSaved}\n`);
  return ExitCode.invalidInput;
}
