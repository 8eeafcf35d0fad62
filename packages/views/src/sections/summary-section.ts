import type { ConstructGroup, ReliabilityReport, WaveGroup } from "@zaz/survey";
import { summaryMessages as msg } from "../messages.js";
import type { Section } from "../view.js";
import { constructGroups } from "./framework.js";
import {
  type AlphaInput,
  type ChangeInput,
  changeSentences,
  type FrameId,
  reliabilitySentences,
  responseSentence,
  type ScoreInput,
  strengthSentences,
} from "./summary-sentences.js";

/** One line of the summary: what it is about, and the sentence. */
export interface SummaryLine {
  readonly onderwerp: string;
  readonly uitkomst: string;
}

/**
 * What the summary reads, all of it shown elsewhere in the same view: the scope's total row (its
 * response rate and construct means), the total row of the change section, the reliability table.
 */
export interface SummaryInput {
  readonly total: ConstructGroup;
  readonly change: { readonly previousLabel: string; readonly total: WaveGroup } | null;
  readonly reliability: ReliabilityReport;
  readonly k: number;
  /**
   * Issue 13, action points and their follow-up: the lines on open action points go here, after
   * the changes and before reliability. Built elsewhere; this section only places them.
   */
  readonly actions?: readonly SummaryLine[];
}

function responseLine(total: ConstructGroup, k: number): string {
  const rate = total.responseRate;
  if (rate.status === "shown")
    return responseSentence({ rate: rate.value.rate, responses: rate.n, families: rate.value.families }, k);
  // no roster row: the count of responses is shown (as a fact) even where a rate is not
  if (rate.status === "empty" && total.responses.status === "shown")
    return responseSentence({ rate: null, responses: total.responses.value }, k);
  return responseSentence(null, k);
}

function scoresOf(total: ConstructGroup, constructs: readonly { id: string; name: string }[]): ScoreInput[] {
  return constructs.flatMap((c) => {
    const cell = total.constructs[c.id];
    if (cell?.status !== "shown" || cell.value.ci === null) return [];
    const { mean, ci } = cell.value;
    return [{ name: c.name, mean, low: ci.low, high: ci.high, n: cell.n }];
  });
}

function changesOf(total: WaveGroup, names: ReadonlyMap<string, string>): ChangeInput[] {
  return Object.entries(total.constructs).flatMap(([id, cell]) => {
    if (cell.status !== "shown" || cell.value.ci === null) return [];
    const v = cell.value;
    const ci = cell.value.ci;
    return [
      {
        name: names.get(id) ?? id,
        previous: v.previous,
        current: v.current,
        change: v.change,
        low: ci.low,
        high: ci.high,
      },
    ];
  });
}

/** The one-page summary at the top of a view: short sentences, each with the n it rests on. */
export function summarySection(input: SummaryInput): Section {
  const constructs = input.reliability.constructs.map((r) => r.construct);
  const lines: SummaryLine[] = [
    { onderwerp: msg.topicResponse, uitkomst: responseLine(input.total, input.k) },
  ];
  for (const group of constructGroups(constructs)) {
    const frame: FrameId =
      group.framework === "bakker" || group.framework === "partnerschap" ? group.framework : "overig";
    const { strong, weak } = strengthSentences(frame, scoresOf(input.total, group.constructs));
    lines.push(...strong.map((s) => ({ onderwerp: msg.topicStrong, uitkomst: s })));
    lines.push(...weak.map((s) => ({ onderwerp: msg.topicWeak, uitkomst: s })));
  }
  const names = new Map(constructs.map((c) => [c.id, c.name]));
  const changes =
    input.change === null
      ? changeSentences(null, [])
      : changeSentences(input.change.previousLabel, changesOf(input.change.total, names));
  lines.push(...changes.map((s) => ({ onderwerp: msg.topicChange, uitkomst: s })));
  lines.push(...(input.actions ?? []));
  const alphas: AlphaInput[] = input.reliability.constructs.flatMap(({ construct, reliability }) =>
    reliability.status === "shown"
      ? [{ name: construct.name, alpha: reliability.value.alpha, n: reliability.n }]
      : [],
  );
  for (const s of reliabilitySentences(alphas)) lines.push({ onderwerp: msg.topicReliability, uitkomst: s });
  return {
    id: "samenvatting",
    heading: msg.heading,
    intro: msg.intro,
    tables: [
      {
        id: "samenvatting",
        caption: msg.caption,
        columns: [
          { key: "onderwerp", title: msg.topic },
          { key: "uitkomst", title: msg.finding, wrap: true },
        ],
        rows: lines.map((l) => ({ onderwerp: l.onderwerp, uitkomst: l.uitkomst })),
      },
    ],
    charts: [],
  };
}
