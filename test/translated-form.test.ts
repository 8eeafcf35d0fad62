import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

describe("a form in the parents' own language", () => {
  it("zaz instrument show --taal en prints the English form to put in a survey tool", async () => {
    const r = await zaz(["instrument", "show", "ouderpopulatie", "--taal", "en"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Parents and the school: working together (ouderpopulatie, versie 1.0, en)");
    // Table cells wrap; the CSV form has each question with its answers, in order, on one line.
    const csv = (await zaz(["instrument", "show", "ouderpopulatie", "--taal", "en", "--format", "csv"]))
      .stdout;
    const line = (id: string) => csv.split(/\r?\n/).find((l) => l.startsWith(`${id},`)) ?? "";
    expect(line("erv_uk3")).toContain("I do not always feel welcome at school.");
    expect(line("erv_uk3")).toContain(
      "Strongly disagree · Disagree · Neither agree nor disagree · Agree · Strongly agree · Don't know · Not applicable",
    );
    expect(line("btr_di1")).toContain("Never · Occasionally · Regularly · Often · Not applicable");
    expect(line("groep")).toContain("Which group (class) is your child in?");
    expect(r.stdout).not.toContain("Ik voel me op school niet altijd welkom");
    for (const line of r.stdout.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stderr).toContain("nog niet nagekeken door een moedertaalspreker");

    const json = JSON.parse(
      (await zaz(["instrument", "show", "ouderpopulatie", "--taal", "tr", "--format", "json"])).stdout,
    );
    expect(json.items.find((i: { id: string }) => i.id === "open_tip").text).toBe(
      "Okul, sizinle daha iyi işbirliği yapmak için ne yapabilir?",
    );

    const unknown = await zaz(["instrument", "show", "ouderpopulatie", "--taal", "pl"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('geen vertaling "pl"; kies uit: nl, en, tr');
    // Without --taal: the Dutch overview, as before.
    expect((await zaz(["instrument", "show", "ouderpopulatie"])).stdout).toContain(
      "Taal van de vragenlijst (taal)",
    );
  });

  it("the English copy of De Regenboog's form ingests into the same wave, its language kept", async () => {
    const db = await newTestDatabase(tempDir(), "taal.duckdb");
    expect((await zaz(["bestuur", "add", "Stichting Samen Leren", "--db", db])).code).toBe(0);
    expect(
      (await zaz(["school", "add", "De Regenboog", "--bestuur", "Stichting Samen Leren", "--db", db])).code,
    ).toBe(0);
    const flags = [
      "--bestuur",
      "Stichting Samen Leren",
      "--school",
      "De Regenboog",
      "--wave",
      "2026-voorjaar",
    ];
    const files = ["google-forms", "google-forms-en"].map((p) =>
      join(voorbeeld, `ouderpopulatie-de-regenboog-2026-voorjaar-${p}.csv`),
    );
    const dutch = await zaz(["ingest", files[0]!, "-i", "ouderpopulatie", ...flags, "--db", db, "--json"]);
    const english = await zaz(["ingest", files[1]!, "-i", "ouderpopulatie", ...flags, "--db", db, "--json"]);
    expect(english.code, english.stderr).toBe(0);
    expect(JSON.parse(dutch.stdout).formLanguage).toEqual({
      code: "nl",
      name: "Nederlands",
      source: "headers",
    });
    const summary = JSON.parse(english.stdout);
    expect(summary).toMatchObject({ status: "imported", responses: 19, answers: 644, columnsDropped: [] });
    expect(summary.formLanguage).toEqual({ code: "en", name: "Engels", source: "headers" });
    // One wave of one school: the English answers count in the same groepen and constructs.
    const report = await zaz([
      "report",
      "klassen",
      "--school",
      "De Regenboog",
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
      "--format",
      "json",
    ]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain("117");
  });
});
