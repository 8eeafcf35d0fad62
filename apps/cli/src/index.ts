export { CliError, ExitCode } from "./cli-error.js";
export { type Effects, processEffects } from "./effects.js";
export { createProgram, main } from "./main.js";
