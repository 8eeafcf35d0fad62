import { fail, type Problem, type Result } from "@zaz/model";
import { passwordMessages } from "./messages.js";
import { validatePassword } from "./password.js";

/**
 * The rules for a new password (OWASP ASVS 6.2): at least 12 characters (at most 256), not the
 * username, not one character repeated, and not on a list of passwords that leaked often. The
 * list is @zxcvbn-ts/language-common's (about 49,000 passwords from SecLists' top ten million),
 * read only when a password is checked, so that the CLI's other commands and a dashboard that
 * only logs people in never load it.
 */
export async function checkNewPassword(password: string, username?: string): Promise<Result<string>> {
  const basic = validatePassword(password, username);
  const errors: Problem[] = basic.ok ? [] : [...basic.errors];
  const characters = new Set(password.normalize("NFC"));
  if (password !== "" && characters.size === 1) {
    errors.push({ code: "password-one-character", message: passwordMessages.oneCharacter });
  }
  if (await isCommonPassword(password)) {
    errors.push({ code: "password-common", message: passwordMessages.common });
  }
  return errors.length === 0 ? basic : fail(errors);
}

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/** True when the password (case ignored) is on the list of common passwords. */
export async function isCommonPassword(password: string): Promise<boolean> {
  commonPasswords ??= loadCommonPasswords();
  return (await commonPasswords).has(password.normalize("NFC").toLowerCase());
}

async function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  const { dictionary } = await import("@zxcvbn-ts/language-common");
  return new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
}
