import { cliMessages } from "./messages.js";

/** Exit codes: 0 ok, 1 invalid input, 2 usage error. */
export const ExitCode = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The one error a command throws for its user: a Dutch message and an exit code; no stack unless --debug. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.invalidInput,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * The packages' own failures for a user (a locked database, a school without data): their message
 * is already Dutch and complete. Known by name, because `zaz --help` must not load the packages
 * that define them.
 */
const userFacing = new Set(["StoreError", "ViewError", "ImportFileError"]);

/** A known failure as the CliError it stands for; anything else stays unexpected. */
export function asCliError(error: unknown): CliError | undefined {
  if (error instanceof CliError) return error;
  if (error instanceof Error && userFacing.has(error.name)) return new CliError(error.message);
  // DuckDB itself out of its memory limit, in whatever command
  if (error instanceof Error && /Out of Memory Error/.test(error.message))
    return new CliError(cliMessages.outOfMemory());
  return undefined;
}
