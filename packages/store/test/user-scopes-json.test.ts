import { describe, expect, it } from "vitest";
import { decodeUserScopes, encodeUserScopes } from "../src/user-scopes-json.js";

describe("user scopes as JSON", () => {
  it("writes only the known keys in a fixed order, and reads them back", () => {
    const scopes = { opleiding: "pabo", schools: ["a", "b"], bestuur: "asko" };
    const json = encodeUserScopes(scopes);
    expect(json).toBe('{"schools":["a","b"],"bestuur":"asko","opleiding":"pabo"}');
    expect(decodeUserScopes(json)).toStrictEqual({ schools: ["a", "b"], bestuur: "asko", opleiding: "pabo" });
    expect(encodeUserScopes({})).toBe("{}");
  });

  it("refuses a damaged value instead of guessing what someone may see", () => {
    expect(() => decodeUserScopes("[]")).toThrow(/not an object/);
    expect(() => decodeUserScopes('{"schools":"a"}')).toThrow(/schools/);
    expect(() => decodeUserScopes('{"bestuur":1}')).toThrow(/bestuur/);
    expect(() => decodeUserScopes('{"admin":true}')).toThrow(/admin/);
    expect(() => decodeUserScopes("not json")).toThrow();
  });
});
