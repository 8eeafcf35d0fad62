import { delimiter } from "node:path";
import type { Store } from "@zaz/store";
import { defaultInstrumentDir } from "@zaz/survey";
import { defaultUploadMaxBytes, Uploads } from "./uploads.js";

/**
 * The upload pipeline as a server runs it: instruments from the repository and ZAZ_INSTRUMENTEN
 * (as `zaz` finds them), the upload limit from ZAZ_UPLOAD_MAX_MB (default 50).
 */
export function uploadsFromEnv(
  store: Store,
  pseudonymKey: () => Promise<Uint8Array>,
  env: Record<string, string | undefined>,
): Uploads {
  const extra = (env.ZAZ_INSTRUMENTEN ?? "").split(delimiter).filter((d) => d !== "");
  const mb = Number(env.ZAZ_UPLOAD_MAX_MB);
  const maxBytes = Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : defaultUploadMaxBytes;
  return new Uploads({ store, pseudonymKey, instrumentDirs: [defaultInstrumentDir(), ...extra], maxBytes });
}
