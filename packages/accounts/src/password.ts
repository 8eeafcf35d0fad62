import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { fail, ok, type Problem, type Result } from "@zaz/model";
import { passwordMessages } from "./messages.js";
import { isSsoPasswordHash } from "./sso-account.js";

export const minPasswordLength = 12;
/** scrypt's cost grows with length only slightly, but an unbounded input is a denial-of-service lever. */
export const maxPasswordLength = 256;

export interface ScryptParams {
  /** CPU/memory cost, a power of two */
  N: number;
  r: number;
  p: number;
}

/** OWASP's recommended minimum for scrypt (2^17 would be better but costs 128 MiB per login). */
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const keyLength = 32;
const saltLength = 16;
const prefix = "scrypt";

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$hash` (salt and hash base64): the parameters travel
 * with the hash, so they can be raised later without breaking existing accounts.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = defaultScryptParams,
): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return [prefix, params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== prefix) return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const validN = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  if (!validN || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16)
    return undefined;
  const salt = Buffer.from(parts[4]!, "base64");
  const key = Buffer.from(parts[5]!, "base64");
  if (salt.length === 0 || key.length !== keyLength) return undefined;
  return { params: { N, r, p }, salt, key };
}

/** Compares in constant time. A malformed stored hash never matches (and is not an error). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // An SSO account's marker would fail to parse anyway; saying so keeps that from being an accident.
  if (isSsoPasswordHash(stored)) return false;
  const parsed = parseHash(stored);
  if (parsed === undefined || password.length > maxPasswordLength) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than these: rehash at the next login. */
export function needsRehash(stored: string, params: ScryptParams = defaultScryptParams): boolean {
  const parsed = parseHash(stored);
  return parsed === undefined || parsed.params.N < params.N || parsed.params.r < params.r;
}

/** A new password's rules: at least 12 characters, at most 256, and not the username. */
export function validatePassword(password: string, username?: string): Result<string> {
  const errors: Problem[] = [];
  const length = [...password].length;
  if (length < minPasswordLength) {
    errors.push({
      code: "password-too-short",
      message: passwordMessages.tooShort(length, minPasswordLength),
      expected: passwordMessages.expectedLength(minPasswordLength),
      hint: passwordMessages.passphraseHint,
    });
  }
  if (length > maxPasswordLength) {
    errors.push({ code: "password-too-long", message: passwordMessages.tooLong(maxPasswordLength) });
  }
  if (username !== undefined && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    errors.push({ code: "password-is-username", message: passwordMessages.isUsername });
  }
  return errors.length === 0 ? ok(password) : fail(errors);
}
