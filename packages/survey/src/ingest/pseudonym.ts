import { createHmac } from "node:crypto";
import { foldText } from "./normalise-text.js";

/**
 * A keyed-hash pseudonym (HMAC-SHA-256 with the installation's key). The same person gets the
 * same pseudonym on this installation, and without the key a pseudonym cannot be traced back.
 * Case, accents and spacing are folded first so "J. de Vries " and "j. de vries" agree.
 */
export function pseudonym(key: Uint8Array, value: string): string {
  const digest = createHmac("sha256", key).update(foldText(value)).digest("hex");
  return `p-${digest.slice(0, 16)}`;
}

export function isPseudonym(value: string): boolean {
  return /^p-[0-9a-f]{16}$/.test(value);
}
