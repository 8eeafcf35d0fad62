import {
  columnLetter,
  detectEncoding,
  detectProfile,
  isExportProfile,
  isTextEncoding,
  parseDelimiterName,
  parseEncodingName,
  sniffDelimiter,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { utf8 } from "./helpers.js";

describe("detectEncoding", () => {
  it("trusts byte order marks", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: "utf-8",
      bomLength: 3,
      guessed: false,
    });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: "utf-16le",
      bomLength: 2,
      guessed: false,
    });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: "utf-16be",
      bomLength: 2,
      guessed: false,
    });
  });

  it("takes valid UTF-8 (and plain ASCII) as UTF-8", () => {
    expect(detectEncoding(utf8("Groep;Café;één;€ 5;‘x’"))).toMatchObject({
      encoding: "utf-8",
      guessed: true,
    });
    expect(detectEncoding(utf8("a,b\n1,2\n")).encoding).toBe("utf-8");
  });

  it("takes bytes that are not UTF-8 as Windows-1252", () => {
    // "Café € “x”" as Dutch Excel writes it: é = E9, € = 80, “ = 93, ” = 94
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94]);
    expect(detectEncoding(bytes)).toEqual({ encoding: "windows-1252", bomLength: 0, guessed: true });
  });

  it("rejects overlong and surrogate forms as UTF-8", () => {
    expect(detectEncoding(new Uint8Array([0x61, 0xc0, 0xaf])).encoding).toBe("windows-1252");
    expect(detectEncoding(new Uint8Array([0x61, 0xed, 0xa0, 0x80])).encoding).toBe("windows-1252");
  });

  it("forgives a character cut off at the end of a partial sample only", () => {
    const cut = utf8("abc é").subarray(0, 5); // 'é' is C3 A9; keep only C3
    expect(detectEncoding(cut, false).encoding).toBe("utf-8");
    expect(detectEncoding(cut, true).encoding).toBe("windows-1252");
  });

  it("recognises UTF-16 without a byte order mark by its zero bytes", () => {
    const le = new Uint8Array(Buffer.from("Groep,Antwoord\r\n", "utf16le"));
    expect(detectEncoding(le)).toEqual({ encoding: "utf-16le", bomLength: 0, guessed: true });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    expect(detectEncoding(be).encoding).toBe("utf-16be");
  });

  it("reads the names users give an encoding", () => {
    expect(parseEncodingName("CP1252")).toBe("windows-1252");
    expect(parseEncodingName("latin1")).toBe("windows-1252");
    expect(parseEncodingName("UTF8")).toBe("utf-8");
    expect(parseEncodingName("utf_16le")).toBe("utf-16le");
    expect(parseEncodingName("ebcdic")).toBeUndefined();
    expect(isTextEncoding("utf-8")).toBe(true);
    expect(isTextEncoding("utf8")).toBe(false);
  });
});

describe("sniffDelimiter", () => {
  it("finds each candidate", () => {
    expect(sniffDelimiter("a,b,c\n1,2,3\n").delimiter).toBe(",");
    expect(sniffDelimiter("a;b;c\r\n1;2;3\r\n").delimiter).toBe(";");
    expect(sniffDelimiter("a\tb\n1\t2\n").delimiter).toBe("\t");
    expect(sniffDelimiter("a|b\n1|2\n").delimiter).toBe("|");
  });

  it("is not misled by decimal commas in a semicolon file", () => {
    expect(sniffDelimiter("cijfer;naam;score\n7,5;Anna;3,25\n8;Bram;4\n6,1;Cem;2,5\n")).toMatchObject({
      delimiter: ";",
      fieldCount: 3,
    });
  });

  it("ignores delimiters inside quotes, also across lines", () => {
    const sample = 'a,b\n"x; y; z",1\n"een\nregel; met; puntkomma",2\n';
    expect(sniffDelimiter(sample)).toMatchObject({ delimiter: ",", fieldCount: 2 });
  });

  it("leaves out a record cut off at the end of a partial sample", () => {
    const sample = "a;b;c\n1;2;3\n4;5;6\n7,8,9,10,11,12,13";
    expect(sniffDelimiter(sample, false).delimiter).toBe(";");
  });

  it("falls back to a comma for a single column", () => {
    expect(sniffDelimiter("naam\nAnna\nBram\n")).toEqual({ delimiter: ",", fieldCount: 1, fallback: true });
  });

  it("reads the names users give a delimiter", () => {
    expect(parseDelimiterName("tab")).toBe("\t");
    expect(parseDelimiterName("\\t")).toBe("\t");
    expect(parseDelimiterName("\t")).toBe("\t");
    expect(parseDelimiterName("puntkomma")).toBe(";");
    expect(parseDelimiterName(":")).toBeUndefined();
  });
});

describe("detectProfile", () => {
  it("falls back to generic, with roles of plainly named columns", () => {
    const d = detectProfile([["Naam", "Groep", "E-mail", "Vraag 1"]]);
    expect(d).toEqual({
      profile: "generic",
      headerRowCount: 1,
      header: ["Naam", "Groep", "E-mail", "Vraag 1"],
      roles: ["name", undefined, "email", undefined],
    });
  });

  it("recognises a condensed SurveyMonkey export (one header row)", () => {
    const d = detectProfile([
      ["Respondent ID", "Collector ID", "Vraag"],
      ["114239876501", "421987654", "Ja"],
    ]);
    expect(d).toMatchObject({
      profile: "surveyMonkey",
      headerRowCount: 1,
      header: ["Respondent ID", "Collector ID", "Vraag"],
    });
  });

  it("recognises Dutch SurveyMonkey headers", () => {
    const d = detectProfile([
      ["Respondent-ID", "Verzamelprogramma-ID", "Begindatum", "Einddatum", "IP-adres", "Vraag"],
      ["", "", "", "", "", "Antwoord"],
    ]);
    expect(d).toMatchObject({ profile: "surveyMonkey", headerRowCount: 2 });
    expect(d.header[5]).toBe("Vraag");
    expect(d.roles).toEqual(["responseId", "meta", "meta", "timestamp", "ip", undefined]);
  });

  it("recognises an older Qualtrics export without the ImportId row", () => {
    const d = detectProfile([
      ["StartDate", "ResponseId", "Q1"],
      ["Start Date", "Response ID", "Groep?"],
      ["2026-03-02", "R_abc123", "5"],
    ]);
    expect(d).toMatchObject({
      profile: "qualtrics",
      headerRowCount: 2,
      header: ["Start Date", "Response ID", "Groep?"],
    });
  });

  it("recognises a Qualtrics export with one header row", () => {
    const d = detectProfile([
      ["StartDate", "ResponseId", "Q1"],
      ["2026-03-02", "R_abc123", "5"],
    ]);
    expect(d).toMatchObject({
      profile: "qualtrics",
      headerRowCount: 1,
      header: ["StartDate", "ResponseId", "Q1"],
    });
  });

  it("keeps Qualtrics headers apart when two columns share a question text", () => {
    const d = detectProfile([
      ["ResponseId", "StartDate", "Q1", "Q2"],
      ["Response ID", "Start Date", "Toelichting", "Toelichting"],
      ['{"ImportId":"_recordId"}', '{"ImportId":"startDate"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}'],
    ]);
    expect(d.header).toEqual(["Response ID", "Start Date", "Toelichting (Q1)", "Toelichting (Q2)"]);
  });

  it("does not take a questionnaire with a 'Naam' question for Microsoft Forms", () => {
    expect(detectProfile([["Id", "Naam", "Vraag"]]).profile).toBe("generic");
  });

  it("guards profile names", () => {
    expect(isExportProfile("qualtrics")).toBe(true);
    expect(isExportProfile("excel")).toBe(false);
  });
});

describe("columnLetter", () => {
  it("counts as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
