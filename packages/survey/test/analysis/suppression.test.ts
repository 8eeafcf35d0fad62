import { describe, expect, it } from "vitest";
import { type ConstructTable, privacySettings } from "../../src/index.js";
import { parentInstrument, response, scaleAnswer, textAnswer } from "./fixtures.js";
import { aggregateConstructs, openAnswers } from "./via-responses.js";

function groepResponses(sizes: Record<string, number>) {
  return Object.entries(sizes).flatMap(([groep, size]) =>
    Array.from({ length: size }, (_, i) =>
      response({ bestuur: "ASKO", school: "A", groep, wave: "2026" }, [
        scaleAnswer("hc1", 1 + (i % 5)),
        scaleAnswer("hc2", 1 + ((i + 2) % 5)),
        textAnswer("open", `groep ${groep} tekst ${i}`),
      ]),
    ),
  );
}

function statuses(table: ConstructTable) {
  return Object.fromEntries(
    table.groups.map((g) => {
      const c = g.constructs.communicatie!;
      return [g.key[0]!.code, c.status === "suppressed" ? c.reason : c.status];
    }),
  );
}

describe("privacySettings", () => {
  it("defaults to k = 5 and kText = 10", () => {
    const s = privacySettings();
    expect(s.ok && { k: s.value.k, kText: s.value.kText }).toEqual({ k: 5, kText: 10 });
  });

  it("refuses thresholds below 3, and kText below k, with a Dutch message", () => {
    const low = privacySettings({ k: 2 });
    expect(low.ok).toBe(false);
    if (!low.ok) expect(low.errors[0]?.message).toMatch(/k = 2 is te laag/);
    const text = privacySettings({ k: 6, kText: 5 });
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.errors[0]?.message).toMatch(/kleinste toegestane waarde is 6/);
    expect(privacySettings({ k: 3, kText: 3 }).ok).toBe(true);
    expect(privacySettings({ k: 4.5 }).ok).toBe(false);
  });

  it("raises the default kText with k", () => {
    const s = privacySettings({ k: 12 });
    expect(s.ok && s.value.kText).toBe(12);
  });
});

describe("suppression in a class view", () => {
  it("hides a small groep and the next-smallest one, so subtraction gives two groepen together", () => {
    const t = aggregateConstructs(parentInstrument, groepResponses({ "3": 3, "5": 6, "6": 8, "7": 10 }), {
      scope: { school: "A", wave: "2026" },
      by: ["groep"],
    });
    if (!t.ok) throw new Error("failed");
    expect(statuses(t.value)).toMatchObject({
      "1": "empty",
      "3": "below-k",
      "5": "complementary",
      "6": "shown",
      "7": "shown",
    });
    const g3 = t.value.groups.find((g) => g.key[0]?.code === "3")!;
    // the count and the response rate are hidden too, and the cell says why in Dutch
    expect(g3.responses).toEqual({
      status: "suppressed",
      reason: "below-k",
      label: "minder dan 5 respondenten",
    });
    expect(JSON.stringify(g3)).not.toMatch(/"n"|"value"/);
    expect(t.value.total.constructs.communicatie?.status).toBe("shown");
  });

  it("keeps hiding until the hidden groepen reach k together", () => {
    const t = aggregateConstructs(parentInstrument, groepResponses({ "1": 2, "2": 2, "4": 10, "8": 12 }), {
      scope: { school: "A", wave: "2026" },
      by: ["groep"],
    });
    if (!t.ok) throw new Error("failed");
    // 2 + 2 = 4 < 5, so the next-smallest (10) goes too; 12 stays
    expect(statuses(t.value)).toMatchObject({
      "1": "below-k",
      "2": "below-k",
      "4": "complementary",
      "8": "shown",
    });
  });

  it("hides the total and every groep when the school has fewer than k", () => {
    const t = aggregateConstructs(parentInstrument, groepResponses({ "1": 2, "2": 2 }), {
      scope: { school: "A", wave: "2026" },
      by: ["groep"],
    });
    if (!t.ok) throw new Error("failed");
    expect(t.value.total.responses.status).toBe("suppressed");
    expect(t.value.total.constructs.communicatie?.status).toBe("suppressed");
    expect(statuses(t.value)).toMatchObject({ "1": "below-k", "2": "below-k" });
  });

  it("applies a raised k", () => {
    const privacy = privacySettings({ k: 8 });
    if (!privacy.ok) throw new Error("privacy");
    const t = aggregateConstructs(parentInstrument, groepResponses({ "3": 7, "5": 9, "6": 9 }), {
      scope: { school: "A", wave: "2026" },
      by: ["groep"],
      privacy: privacy.value,
    });
    if (!t.ok) throw new Error("failed");
    expect(statuses(t.value)).toMatchObject({ "3": "below-k", "5": "complementary", "6": "shown" });
    const g3 = t.value.groups.find((g) => g.key[0]?.code === "3")!;
    expect(g3.responses.status === "suppressed" && g3.responses.label).toBe("minder dan 8 respondenten");
  });
});

describe("openAnswers", () => {
  it("shows texts only for groups of at least kText, sorted, with complementary suppression", async () => {
    const t = await openAnswers(parentInstrument, groepResponses({ "3": 9, "5": 12, "6": 15, "7": 11 }), {
      scope: { school: "A", wave: "2026" },
      by: ["groep"],
    });
    if (!t.ok) throw new Error("failed");
    const cell = (g: string) => t.value.groups.find((x) => x.key[0]?.code === g)!.items.open!;
    expect(cell("3")).toMatchObject({
      status: "suppressed",
      reason: "below-k",
      label: "minder dan 10 respondenten",
    });
    // 9 alone is below 10: the smallest shown groep (11) is hidden with it
    expect(cell("7")).toMatchObject({ status: "suppressed", reason: "complementary" });
    const shown = cell("5");
    if (shown.status !== "shown") throw new Error("groep 5 hidden");
    expect(shown.value.texts).toHaveLength(12);
    expect(shown.value.total).toBe(12);
    expect([...shown.value.texts]).toEqual([...shown.value.texts].sort(new Intl.Collator("nl").compare));
    // the school's total (47 ≥ 10) pools every text; no groep row holds a hidden groep's texts
    expect(JSON.stringify(t.value.groups)).not.toContain("groep 3 tekst");
    expect(t.value.total.items.open?.status === "shown" && t.value.total.items.open.value.texts).toHaveLength(
      47,
    );
  });
});
