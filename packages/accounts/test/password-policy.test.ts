import { checkNewPassword, isCommonPassword } from "@zaz/accounts";
import { describe, expect, it } from "vitest";

async function codes(password: string, username?: string): Promise<string[]> {
  const result = await checkNewPassword(password, username);
  return result.ok ? [] : result.errors.map((error) => error.code);
}

describe("checkNewPassword", () => {
  it("accepts a long passphrase", async () => {
    expect(await checkNewPassword("correct paard batterij niet", "anna")).toEqual({
      ok: true,
      value: "correct paard batterij niet",
      warnings: [],
    });
  });

  it("refuses a password from the list of common passwords, whatever its case", async () => {
    expect(await isCommonPassword("qwerty123456")).toBe(true);
    expect(await isCommonPassword("QWERTY123456")).toBe(true);
    expect(await isCommonPassword("correct paard batterij niet")).toBe(false);
    const result = await checkNewPassword("1qaz2wsx3edc");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.code)).toEqual(["password-common"]);
      expect(result.errors[0]?.message).toContain("veelgebruikte wachtwoorden");
    }
  });

  it("refuses one repeated character, the username and a short password, in Dutch", async () => {
    expect(await codes("aaaaaaaaaaaaaaaa")).toContain("password-one-character");
    expect(await codes("ééééééééééééé")).toEqual(["password-one-character"]);
    expect(await codes("Heel-Lange-Naam", "heel-lange-naam")).toEqual(["password-is-username"]);
    expect(await codes("kort")).toContain("password-too-short");
    const repeated = await checkNewPassword("zzzzzzzzzzzzzzzz");
    if (!repeated.ok) expect(repeated.errors[0]?.message).toContain("één en hetzelfde teken");
  });
});
