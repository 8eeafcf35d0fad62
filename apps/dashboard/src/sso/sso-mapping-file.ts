import { readFile, stat } from "node:fs/promises";
import { parseSsoMapping, type SsoMapping } from "@zaz/accounts";
import { fail, type Result } from "@zaz/model";
import { ssoConfigMessages } from "../messages.js";

/** Reads and checks the claim-mapping file (see @zaz/accounts sso-mapping.ts for its form). */
export async function loadSsoMappingFile(file: string): Promise<Result<SsoMapping>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const detail = error instanceof Error && "code" in error ? String(error.code) : String(error);
    return fail([
      { code: "sso-mapping-unreadable", message: ssoConfigMessages.mappingUnreadable(file, detail), file },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail([{ code: "sso-mapping-not-json", message: ssoConfigMessages.mappingNotJson(file), file }]);
  }
  return parseSsoMapping(json, file);
}

/**
 * The mapping as the beheerder last saved it: the file is looked at again at each login through
 * a school account (its modification time, one stat), so a changed mapping applies at the next
 * login without a restart. A file changed into something invalid is reported once and the last
 * good mapping stays in force, so a typo does not lock every school out.
 */
export function watchedMapping(
  file: string,
  initial: SsoMapping,
  warn: (message: string) => void,
): () => Promise<SsoMapping> {
  let current = initial;
  let seen: number | undefined;
  return async () => {
    const modified = await stat(file).then(
      (info) => info.mtimeMs,
      () => undefined,
    );
    if (modified === undefined || modified === seen) return current;
    seen = modified;
    const loaded = await loadSsoMappingFile(file);
    if (loaded.ok) current = loaded.value;
    else warn([ssoConfigMessages.mappingKept(file), ...loaded.errors.map((e) => e.message)].join("\n"));
    return current;
  };
}
