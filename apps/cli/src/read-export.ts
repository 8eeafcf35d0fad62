import { readFile } from "node:fs/promises";
import { CliError } from "./cli-error.js";
import { cliMessages as msg } from "./messages.js";

/** The text of the --map file; a missing one is a Dutch error naming its path, not "ENOENT". */
export async function readMappingText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (
      error instanceof Error &&
      "code" in error &&
      (error.code === "ENOENT" || error.code === "EISDIR" || error.code === "EACCES")
    )
      throw new CliError(msg.mappingFileNotFound(path));
    throw error;
  }
}
