import { describe, expect, it } from "vitest";
import { asCliError, CliError, ExitCode } from "../src/cli-error.js";
import { cliMessages } from "../src/messages.js";

describe("known failures as a user's error", () => {
  it("gives DuckDB running out of memory a Dutch message and exit code 1", () => {
    const known = asCliError(
      new Error("Out of Memory Error: failed to pin block of size 256.0 KiB (60.8 MiB/61.0 MiB used)"),
    );
    expect(known).toBeInstanceOf(CliError);
    expect(known?.message).toBe(cliMessages.outOfMemory());
    expect(known?.exitCode).toBe(ExitCode.invalidInput);
  });

  it("leaves any other error unexpected", () => {
    expect(asCliError(new Error("iets anders"))).toBeUndefined();
  });
});
