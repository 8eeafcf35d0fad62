import {
  hashPassword,
  needsRehash,
  type ScryptParams,
  validatePassword,
  verifyPassword,
} from "@zaz/accounts";

// Cheap parameters keep the tests fast; production uses defaultScryptParams.
const fastScryptParams: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

import { describe, expect, it } from "vitest";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("lange wachtzin voor school", fastScryptParams);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("lange wachtzin voor school", hash)).toBe(true);
    expect(await verifyPassword("lange wachtzin voor schooL", hash)).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    const a = await hashPassword("lange wachtzin voor school", fastScryptParams);
    const b = await hashPassword("lange wachtzin voor school", fastScryptParams);
    expect(a).not.toBe(b);
  });

  it("never matches a malformed hash", async () => {
    for (const stored of ["", "plain", "scrypt$3$8$1$c2FsdA==$a2V5", "bcrypt$x", "scrypt$1024$8$1$$"]) {
      expect(await verifyPassword("whatever password", stored)).toBe(false);
    }
  });

  it("flags hashes made with weaker parameters for rehashing", async () => {
    const weak = await hashPassword("lange wachtzin voor school", fastScryptParams);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, fastScryptParams)).toBe(false);
  });
});

describe("validatePassword", () => {
  it("requires at least 12 characters, in Dutch", () => {
    const result = validatePassword("kort", "anna");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.code).toBe("password-too-short");
      expect(result.errors[0]?.message).toBe("Het wachtwoord is te kort: 4 tekens, minstens 12 nodig.");
    }
    expect(validatePassword("twaalf tekns", "anna").ok).toBe(true);
  });

  it("counts characters, not UTF-16 units, and refuses the username", () => {
    expect(validatePassword("ééééééééééé").ok).toBe(false);
    const same = validatePassword("Directeur-van-school", "directeur-van-school");
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.errors.map((e) => e.code)).toEqual(["password-is-username"]);
  });
});
