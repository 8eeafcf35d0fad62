import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures } from "../fixtures/read/fixtures.js";
import { allRows, fixtureDir, open } from "./helpers.js";

const fixture = (name: string) => readFileSync(join(fixtureDir, name));

describe("fixture files", () => {
  it("equal what fixtures.ts builds (run write-fixtures.ts after changing it)", () => {
    for (const [name, bytes] of Object.entries(fixtures))
      expect(new Uint8Array(fixture(name)), name).toEqual(bytes);
  });
});

describe("export profiles", () => {
  it("reads a Dutch Google Forms export", async () => {
    const reader = await open(fixture("google-forms-nl.csv"));
    expect(reader).toMatchObject({
      profile: "googleForms",
      encoding: "utf-8",
      encodingGuessed: true,
      delimiter: ",",
    });
    expect(reader.header[0]).toBe("Tijdstempel");
    expect(reader.roles.slice(0, 3)).toEqual(["timestamp", "email", undefined]);
    expect(reader.dataStartRow).toBe(2);
    const rows = await allRows(reader);
    // the answer in row 3 has two lines; a spreadsheet still shows the next response in row 4
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]?.fields[4]).toBe('Meer informeel contact, bijv. een "koffie-ochtend"');
    expect(rows[1]?.fields[4]).toBe("Graag vaker een gesprek:\nook met de intern begeleider.");
    expect(reader.problems.ok).toBe(true);
  });

  it("reads an English Google Forms export", async () => {
    const reader = await open(fixture("google-forms-en.csv"));
    expect(reader.profile).toBe("googleForms");
    expect(reader.roles.slice(0, 2)).toEqual(["timestamp", "email"]);
  });

  it("reads Microsoft Forms saved by Dutch Excel: Windows-1252, semicolons, CRLF", async () => {
    const reader = await open(fixture("microsoft-forms-nl-excel.csv"));
    expect(reader).toMatchObject({
      profile: "microsoftForms",
      encoding: "windows-1252",
      encodingGuessed: true,
      delimiter: ";",
    });
    expect(reader.roles.slice(0, 7)).toEqual([
      "responseId",
      "meta",
      "timestamp",
      "email",
      "name",
      "meta",
      undefined,
    ]);
    const rows = await allRows(reader);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]?.fields.slice(8)).toEqual(["€ 25", "Café-ochtend is ‘gezellig’"]);
    expect(rows[1]?.fields[9]).toBe("“Te weinig” contact; graag meer");
    expect(rows[2]?.fields[9]).toBe("Ideeën: een ouderavond;\r\nmet de leerlingen erbij");
    expect(reader.problems.errorCount).toBe(0);
  });

  it("reads Microsoft Forms in English with a UTF-8 byte order mark", async () => {
    const reader = await open(fixture("microsoft-forms-en.csv"));
    expect(reader).toMatchObject({ profile: "microsoftForms", encoding: "utf-8", encodingGuessed: false });
    expect(reader.header[0]).toBe("ID");
    expect(reader.roles.slice(0, 5)).toEqual(["responseId", "meta", "timestamp", "email", "name"]);
    expect((await allRows(reader)).length).toBe(2);
  });

  it("reads LimeSurvey with question codes and with question texts", async () => {
    const codes = await open(fixture("limesurvey-codes.csv"));
    expect(codes.profile).toBe("limeSurvey");
    expect(codes.roles.slice(0, 7)).toEqual([
      "responseId",
      "timestamp",
      "meta",
      "meta",
      "meta",
      "meta",
      undefined,
    ]);
    expect(codes.header.slice(8)).toEqual(["talen[SQ001]", "talen[SQ002]"]);
    const texts = await open(fixture("limesurvey-texts-nl.csv"));
    expect(texts).toMatchObject({ profile: "limeSurvey", delimiter: ";" });
    expect(texts.roles.slice(0, 7)).toEqual([
      "responseId",
      "timestamp",
      "meta",
      "meta",
      "meta",
      "ip",
      undefined,
    ]);
  });

  it("reads Qualtrics: three header rows, question texts as header, rows from row 4", async () => {
    const reader = await open(fixture("qualtrics.csv"));
    expect(reader.profile).toBe("qualtrics");
    expect(reader.headerRows.length).toBe(3);
    expect(reader.headerRows[0]?.[11]).toBe("Q1");
    expect(reader.header.slice(11)).toEqual([
      "In welke groep zit uw kind?",
      "Hoe tevreden bent u over... - de informatie",
      "Hoe tevreden bent u over... - het contact",
      "Heeft u een tip, vraag of idee?",
    ]);
    expect(reader.roles[3]).toBe("ip");
    expect(reader.roles[7]).toBe("timestamp");
    expect(reader.roles[8]).toBe("responseId");
    expect(reader.roles[9]).toBe("email");
    expect(reader.dataStartRow).toBe(4);
    const rows = await allRows(reader);
    expect(rows.map((r) => [r.row, r.fields[8]])).toEqual([
      [4, "R_1a2B3c4D5e6F7g8"],
      [5, "R_9h8G7f6E5d4C3b2"],
    ]);
  });

  it("reads SurveyMonkey: two header rows combined into one header per column", async () => {
    const reader = await open(fixture("surveymonkey.csv"));
    expect(reader.profile).toBe("surveyMonkey");
    expect(reader.headerRows.length).toBe(2);
    expect(reader.header.slice(9)).toEqual([
      "In welke groep zit uw kind?",
      "Welke talen spreekt u thuis? - Nederlands",
      "Welke talen spreekt u thuis? - Arabisch",
      "Welke talen spreekt u thuis? - Other (please specify)",
      "Ik voel me welkom op school.",
    ]);
    expect(reader.roles.slice(0, 9)).toEqual([
      "responseId",
      "meta",
      "meta",
      "timestamp",
      "ip",
      "email",
      "name",
      "name",
      "meta",
    ]);
    expect(reader.dataStartRow).toBe(3);
    const rows = await allRows(reader);
    expect(rows.map((r) => r.row)).toEqual([3, 4]);
    expect(rows[1]?.fields.slice(10, 13)).toEqual(["", "Arabisch", "Turks"]);
  });

  it("reads Excel's Unicode text: UTF-16LE, tab-separated, as a generic export", async () => {
    const reader = await open(fixture("generic-utf16le-tab.txt"));
    expect(reader).toMatchObject({
      profile: "generic",
      encoding: "utf-16le",
      encodingGuessed: false,
      delimiter: "\t",
    });
    const rows = await allRows(reader);
    expect(rows[0]?.fields).toEqual(["Groep 5", "Mee eens", "Prima school, één klacht"]);
  });

  it("reads pipes with CRLF, LF and CR line ends mixed", async () => {
    const reader = await open(fixture("generic-pipe-mixed-eol.csv"));
    expect(reader.delimiter).toBe("|");
    const rows = await allRows(reader);
    expect(rows.map((r) => [r.row, ...r.fields])).toEqual([
      [2, "De Regenboog", "5", "ja"],
      [3, "De Regenboog", "6", "nee"],
      [4, "De Vlinder", "7", "ja,\r\nmet een regel erbij"],
    ]);
  });

  it("lets the caller force a profile", async () => {
    const reader = await open(fixture("limesurvey-texts-nl.csv"), { profile: "generic" });
    expect(reader.profile).toBe("generic");
    expect(reader.roles[5]).toBe("ip");
  });
});
