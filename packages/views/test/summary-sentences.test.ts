import { describe, expect, it } from "vitest";
import { summaryMessages as msg } from "../src/messages.js";
import {
  changeSentences,
  ownMean,
  reliabilitySentences,
  responseSentence,
  significantChanges,
  strengthSentences,
  strengthsAndWeaknesses,
} from "../src/sections/summary-sentences.js";

const bakker = msg.frame.bakker;
const score = (name: string, mean: number, low: number, high: number, n: number) => ({
  name,
  mean,
  low,
  high,
  n,
});

describe("strengths and weaknesses", () => {
  // own mean (4,0 + 3,5 + 3,0 + 3,5) / 4 = 3,5: only A's interval lies above it, only C's below
  const scores = [
    score("A", 4.0, 3.8, 4.2, 100),
    score("B", 3.5, 3.3, 3.7, 98),
    score("C", 3.0, 2.8, 3.2, 95),
    score("D", 3.5, 3.2, 3.8, 99),
  ];

  it("counts each construct once in the own mean", () => {
    expect(ownMean(scores)).toBeCloseTo(3.5, 12);
  });

  it("names only constructs whose interval excludes the own mean", () => {
    const { strong, weak } = strengthsAndWeaknesses(scores);
    expect(strong.map((s) => s.name)).toEqual(["A"]);
    expect(weak.map((s) => s.name)).toEqual(["C"]);
    expect(strengthSentences("bakker", scores)).toEqual({
      strong: [msg.strong("A", "4,00", "3,80", "4,20", 100, bakker, "3,50")],
      weak: [msg.weak("C", "3,00", "2,80", "3,20", 95, bakker, "3,50")],
    });
    expect(strengthSentences("bakker", scores).strong[0]).toBe(
      "A: 4,00 [3,80; 4,20] (n = 100), boven het gemiddelde over de voorwaarden van Bakker (3,50).",
    );
  });

  it('says "geen duidelijke sterke punten" when the intervals overlap the own mean', () => {
    // own mean 3,5; every interval [mean − 0,4; mean + 0,4] contains it
    const overlapping = [
      score("A", 3.6, 3.2, 4.0, 100),
      score("B", 3.5, 3.1, 3.9, 90),
      score("C", 3.4, 3.0, 3.8, 95),
    ];
    const { strong, weak } = strengthSentences("bakker", overlapping);
    expect(strong).toEqual([msg.noStrong(bakker, "3,50", "90–100")]);
    expect(weak).toEqual([msg.noWeak(bakker, "3,50", "90–100")]);
    expect(strong[0]).toMatch(/^Geen duidelijke sterke punten bij de voorwaarden van Bakker/);
  });

  it("keeps the three furthest from the own mean, largest first", () => {
    // own mean (4,5 + 4,4 + 4,3 + 4,2 + 1,0 + 1,0) / 6 = 3,2333: four strengths, two weaknesses
    const many = [
      score("S1", 4.2, 4.1, 4.3, 50),
      score("S2", 4.5, 4.4, 4.6, 50),
      score("S3", 4.3, 4.2, 4.4, 50),
      score("S4", 4.4, 4.3, 4.5, 50),
      score("W1", 1.0, 0.9, 1.1, 50),
      score("W2", 1.0, 0.9, 1.1, 50),
    ];
    const { mean, strong, weak } = strengthsAndWeaknesses(many);
    expect(mean).toBeCloseTo(19.4 / 6, 12);
    expect(strong.map((s) => s.name)).toEqual(["S2", "S4", "S3"]);
    expect(weak.map((s) => s.name)).toEqual(["W1", "W2"]);
  });

  it("does not rank fewer than three constructs", () => {
    const two = [score("A", 4.0, 3.9, 4.1, 20), score("B", 2.0, 1.9, 2.1, 20)];
    expect(strengthSentences("partnerschap", two)).toEqual({
      strong: [msg.tooFew(msg.frame.partnerschap)],
      weak: [],
    });
  });
});

describe("changes since the previous wave", () => {
  const change = (name: string, before: number, now: number, low: number, high: number) => ({
    name,
    previous: { mean: before, n: 90 },
    current: { mean: now, n: 95 },
    change: now - before,
    low,
    high,
  });
  const changes = [
    change("X", 3.5, 3.9, 0.1, 0.7), // +0,4, interval above 0
    change("Y", 3.5, 3.3, -0.5, 0.1), // −0,2, interval contains 0: left out
    change("Z", 3.6, 3.0, -0.9, -0.3), // −0,6, interval below 0
  ];

  it("keeps only changes whose interval excludes 0, the largest first", () => {
    expect(significantChanges(changes).map((c) => c.name)).toEqual(["Z", "X"]);
    expect(changeSentences("voorjaar 2025", changes)).toEqual([
      msg.fell("Z", "3,60", 90, "3,00", 95, "−0,60", "−0,90", "−0,30"),
      msg.rose("X", "3,50", 90, "3,90", 95, "+0,40", "+0,10", "+0,70"),
    ]);
    expect(changeSentences("voorjaar 2025", changes)[0]).toBe(
      "Z daalde van 3,60 (n = 90) naar 3,00 (n = 95): −0,60 [−0,90; −0,30].",
    );
  });

  it("says so when no interval excludes 0, and when there is no previous wave", () => {
    expect(changeSentences("voorjaar 2025", [changes[1]!])).toEqual([msg.noChange("voorjaar 2025", "95")]);
    expect(changeSentences(null, [])).toEqual([msg.noPrevious]);
  });
});

describe("reliability warnings", () => {
  it("warns below 0,6 and where alpha cannot be determined; 0,6 itself is enough", () => {
    expect(
      reliabilitySentences([
        { name: "Formeel", alpha: 0.55, n: 80 },
        { name: "Communicatie", alpha: 0.6, n: 100 },
        { name: "Maatschappelijk", alpha: null, n: 12 },
      ]),
    ).toEqual([msg.lowAlpha("Formeel", "0,55", 80), msg.noAlpha("Maatschappelijk", 12)]);
  });

  it("puts three or more weak scales in one sentence, each with its alfa and n", () => {
    expect(
      reliabilitySentences([
        { name: "A", alpha: 0.41, n: 90 },
        { name: "B", alpha: 0.82, n: 95 },
        { name: "C", alpha: null, n: 12 },
        { name: "D", alpha: 0.5, n: 88 },
      ]),
    ).toEqual([
      "3 schalen hebben een alfa lager dan 0,6 of niet te bepalen: A (alfa 0,41, n = 90); C (alfa niet te bepalen, n = 12); D (alfa 0,50, n = 88). Lees hun scores met voorzichtigheid.",
    ]);
  });

  it("gives one line with the range of n when every alpha is enough", () => {
    expect(
      reliabilitySentences([
        { name: "A", alpha: 0.81, n: 120 },
        { name: "B", alpha: 0.7, n: 80 },
      ]),
    ).toEqual([msg.alphaFine("80–120")]);
  });
});

describe("response", () => {
  it("gives the rate with responses and families, the count without a roster, or why it is hidden", () => {
    expect(responseSentence({ rate: 120 / 194, responses: 120, families: 194 }, 5)).toBe(
      "62% van de gezinnen vulde de vragenlijst in (n = 120 van 194 gezinnen).",
    );
    expect(responseSentence({ rate: null, responses: 40 }, 5)).toBe(msg.responseCount(40));
    expect(responseSentence(null, 5)).toBe(msg.responseHidden(5));
  });
});
