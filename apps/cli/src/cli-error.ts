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
