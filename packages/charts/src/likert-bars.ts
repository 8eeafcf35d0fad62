import { type MissingKind, missingKinds } from "@zaz/model";
import type { TopLevelSpec } from "vega-lite";
import { CellStatus, cellStatusOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig, pageWidth } from "./chart-config.js";
import {
  emptyCellSubtitle,
  likertAnswerColumn,
  likertDescription,
  likertMissingColumn,
  likertTexts,
  missingKindLabels,
  nText,
  reversedAnswer,
  reversedItemText,
  statusLabel,
  statusTexts,
  tableTitles,
} from "./messages.js";
import {
  darkText,
  likertColors,
  missingColors,
  noDataFill,
  noDataStroke,
  suppressedFill,
} from "./palette.js";
import { textColorEncoding, textColorOn } from "./text-color.js";
import { uniqueLabels } from "./unique-labels.js";
import { wrapLabel } from "./wrap-label.js";

export interface LikertScaleLabel {
  code: number;
  label: string;
}

export interface LikertItemRow {
  id: string;
  /** the item text as the questionnaire asked it */
  text: string;
  /** respondents who were shown the item (valid answers plus missing ones); null when suppressed */
  n: number | null;
  /** valid answers per scale code; null when suppressed */
  counts: Record<number, number> | null;
  /** missing answers per kind; null when suppressed */
  missing: Partial<Record<MissingKind, number>> | null;
  suppressed?: boolean;
  /** why it was suppressed, e.g. "minder dan 5 respondenten" */
  reason?: string;
  /**
   * a negatively worded item, scored in reverse ("Ik voel me niet altijd welkom"): drawn as it is
   * scored, so agreeing lies left in the disagree colours, and its text is marked "(omgepoold)"
   */
  reverse?: boolean;
}

export interface LikertBarsInput {
  title: string;
  /** screen-reader text; a summary is generated when absent */
  description?: string;
  scale: { labels: LikertScaleLabel[]; neutral?: number };
  items: LikertItemRow[];
}

/** One row of the spec's data: an answer segment, a missing-kind bar, or a status band. */
interface LikertDatum {
  part: "answer" | "missing" | "status";
  itemLabel: string;
  itemText: string;
  order: number;
  /** the colour: the answer's place on the scale as scored (mirrored for a reverse-coded item) */
  category: string | null;
  /** what the respondents answered, for the tooltip */
  answer: string | null;
  count: number | null;
  percent: number | null;
  x0: number | null;
  x1: number | null;
  xMid: number | null;
  percentText: string | null;
  textColor: string | null;
  status: CellStatus;
  statusText: string | null;
  reason: string | null;
}

/** Characters per line of an item label, and lines before it is cut with "…". */
const labelLineLength = 34;
const labelMaxLines = 3;
const missingPanelWidth = 100;
const labelWidth = 220;
const mainWidth = pageWidth - labelWidth - missingPanelWidth - 40;
/** Segments narrower than this many percent get no text; it would not fit. */
const minPercentForText = 8;

const round1 = (value: number): number => Math.round(value * 10) / 10;

interface ScaleSide {
  ordered: LikertScaleLabel[];
  disagree: number;
  neutralIndex: number | null;
}

/** Which labels lie left of centre, which is neutral: by the scale's neutral code, else halves. */
function splitScale(scale: LikertBarsInput["scale"]): ScaleSide {
  const ordered = [...scale.labels].sort((a, b) => a.code - b.code);
  if (scale.neutral !== undefined) {
    const neutralIndex = ordered.findIndex((label) => label.code === scale.neutral);
    if (neutralIndex < 0) throw new Error(`neutral code ${scale.neutral} is not one of the scale's codes`);
    return { ordered, disagree: neutralIndex, neutralIndex };
  }
  return { ordered, disagree: Math.floor(ordered.length / 2), neutralIndex: null };
}

/**
 * Diverging stacked bars: one bar per item, the neutral answer centred on zero, disagreement to
 * the left and agreement to the right, as percentages of the valid answers. Missing answers
 * (weet niet, n.v.t., leeg) are a separate small panel, never part of the diverging bar.
 */
export function likertBars(input: LikertBarsInput): Chart {
  const side = splitScale(input.scale);
  const answerLabels = uniqueLabels(side.ordered.map((label) => label.label));
  const agree = side.ordered.length - side.disagree - (side.neutralIndex === null ? 0 : 1);
  const colors = likertColors(side.disagree, side.neutralIndex !== null, agree);
  const missingLabels = missingKinds.map((kind) => missingKindLabels[kind]);
  const anyReverse = input.items.some((item) => item.reverse === true);
  const shownText = (item: LikertItemRow) =>
    item.reverse === true ? reversedItemText(item.text) : item.text;

  const itemLabels = uniqueLabels(
    input.items.map((item) => {
      const text = wrapLabel(shownText(item), labelLineLength, labelMaxLines);
      return item.suppressed === true || item.n === null ? text : `${text}\n${nText(item.n)}`;
    }),
  );

  const data: LikertDatum[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  let suppressedCount = 0;
  let noDataCount = 0;
  let mostAgreed: { text: string; share: number } | null = null;

  input.items.forEach((item, order) => {
    const itemLabel = itemLabels[order]!;
    const reverse = item.reverse === true;
    const answered = side.ordered.map((label) => item.counts?.[label.code] ?? 0);
    // A reverse-coded item is drawn as it is scored: its answers mirrored on the scale, so that
    // agreeing with a negative statement lies left, in the disagree colours, like a low score.
    const counts = reverse ? [...answered].reverse() : answered;
    const answerAt = (index: number) => (reverse ? side.ordered.length - 1 - index : index);
    const valid = counts.reduce((sum, count) => sum + count, 0);
    const status = cellStatusOf(item.suppressed === true ? null : valid > 0 ? valid : null, item.suppressed);
    const base = { itemLabel, itemText: shownText(item), order };
    const row: Record<string, TableCell> = { item: shownText(item), n: null, status: null };

    if (status !== CellStatus.shown) {
      if (status === CellStatus.suppressed) suppressedCount++;
      else noDataCount++;
      const reason = status === CellStatus.suppressed ? (item.reason ?? null) : null;
      data.push({
        ...base,
        part: "status",
        category: null,
        answer: null,
        count: null,
        percent: null,
        x0: null,
        x1: null,
        xMid: null,
        percentText: null,
        textColor: null,
        status,
        statusText: status === CellStatus.suppressed ? statusTexts.suppressedLong : statusTexts.noData,
        reason,
      });
      row.status = statusLabel(status, reason);
      if (status === CellStatus.noData) row.n = item.n;
      for (const [index] of side.ordered.entries()) row[`answer${index}`] = null;
      for (const kind of missingKinds)
        row[`missing_${kind}`] = status === CellStatus.noData ? (item.missing?.[kind] ?? 0) : null;
      tableRows.push(row);
      // A "no data" item can still have missing answers worth seeing (everyone said "weet niet").
      if (status === CellStatus.noData) pushMissing(data, base, item, missingLabels);
      return;
    }

    const percents = counts.map((count) => (count / valid) * 100);
    const neutralHalf = side.neutralIndex === null ? 0 : percents[side.neutralIndex]! / 2;
    const starts: number[] = new Array<number>(percents.length).fill(0);
    // Disagreement grows leftwards from the neutral half, the answer nearest to neutral first.
    let left = -neutralHalf;
    for (let i = side.disagree - 1; i >= 0; i--) {
      left -= percents[i]!;
      starts[i] = left;
    }
    if (side.neutralIndex !== null) starts[side.neutralIndex] = -neutralHalf;
    let right = neutralHalf;
    for (let i = side.ordered.length - agree; i < side.ordered.length; i++) {
      starts[i] = right;
      right += percents[i]!;
    }

    side.ordered.forEach((_, index) => {
      const percent = percents[index]!;
      const x0 = starts[index]!;
      // The table is what was answered: each column holds the share that gave that answer.
      row[`answer${answerAt(index)}`] = round1(percent);
      if (counts[index] === 0) return;
      const said = answerLabels[answerAt(index)]!;
      data.push({
        ...base,
        part: "answer",
        category: answerLabels[index]!,
        answer: reverse ? reversedAnswer(said, answerLabels[index]!) : said,
        count: counts[index]!,
        percent: round1(percent),
        x0,
        x1: x0 + percent,
        xMid: x0 + percent / 2,
        percentText: percent >= minPercentForText ? `${Math.round(percent)}%` : null,
        textColor: textColorOn(colors[index]!),
        status,
        statusText: null,
        reason: null,
      });
    });
    const agreeShare = (right - neutralHalf) / 100;
    // "Most agreed" names a statement people agreed with; a reversed bar's right side is disagreement.
    if (agree > 0 && !reverse && (mostAgreed === null || agreeShare > mostAgreed.share)) {
      mostAgreed = { text: item.text, share: agreeShare };
    }
    pushMissing(data, base, item, missingLabels);
    row.n = item.n;
    for (const kind of missingKinds) row[`missing_${kind}`] = item.missing?.[kind] ?? 0;
    tableRows.push(row);
  });

  const columns: TableColumn[] = [
    { field: "item", title: likertTexts.itemColumn },
    { field: "n", title: tableTitles.n },
    ...answerLabels.map((label, index) => ({ field: `answer${index}`, title: likertAnswerColumn(label) })),
    ...missingKinds.map((kind) => ({
      field: `missing_${kind}`,
      title: likertMissingColumn(missingKindLabels[kind]),
    })),
    { field: "status", title: tableTitles.status },
  ];

  const description =
    input.description ??
    likertDescription({
      items: input.items.length,
      firstLabel: side.ordered[0]?.label ?? "",
      lastLabel: side.ordered[side.ordered.length - 1]?.label ?? "",
      mostAgreed,
      suppressed: suppressedCount,
      noData: noDataCount,
      reversed: anyReverse,
    });

  const maxLines = Math.max(1, ...itemLabels.map((label) => label.split("\n").length));
  const step = Math.max(28, maxLines * 14 + 10);
  const y = {
    field: "itemLabel",
    type: "nominal",
    sort: { field: "order", op: "min" },
    title: null,
  } as const;
  const isPart = (part: LikertDatum["part"]) => ({ field: "part", equal: part });

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: {
      text: input.title,
      ...emptyCellSubtitle(suppressedCount, noDataCount),
    },
    description,
    data: { values: data },
    config: chartConfig(),
    resolve: { scale: { y: "shared", color: "independent" } },
    spacing: 24,
    hconcat: [
      {
        width: mainWidth,
        height: { step },
        layer: [
          {
            transform: [{ filter: isPart("answer") }],
            mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.5 },
            encoding: {
              y: { ...y, axis: { labelLimit: 0, labelPadding: 6 } },
              x: {
                field: "x0",
                type: "quantitative",
                scale: { domain: [-100, 100] },
                axis: {
                  title: likertTexts.answerAxis,
                  values: [-100, -50, 0, 50, 100],
                  // A constant expression (no user text): shows -50 as "50%", both sides count up.
                  labelExpr: "format(abs(datum.value), 'd') + '%'",
                  gridColor: { condition: { test: "datum.value === 0", value: "#525252" }, value: "#e0e0e0" },
                },
              },
              x2: { field: "x1" },
              color: {
                field: "category",
                type: "nominal",
                scale: { domain: answerLabels, range: colors },
                legend: {
                  title: anyReverse ? likertTexts.answerLegendReversed : likertTexts.answerLegend,
                  columns: Math.min(answerLabels.length, 5),
                  symbolType: "square",
                },
              },
              tooltip: [
                { field: "itemText", type: "nominal", title: likertTexts.itemColumn },
                { field: "answer", type: "nominal", title: likertTexts.answerTooltip },
                { field: "count", type: "quantitative", title: likertTexts.countTooltip },
                { field: "percent", type: "quantitative", title: likertTexts.percentTooltip, format: ".1f" },
              ],
            },
          },
          {
            transform: [
              { filter: { and: [isPart("answer"), { field: "percent", gte: minPercentForText }] } },
            ],
            mark: { type: "text", fontSize: 10 },
            encoding: {
              y,
              x: { field: "xMid", type: "quantitative" },
              text: { field: "percentText", type: "nominal" },
              color: textColorEncoding,
            },
          },
          ...statusLayers(y),
        ],
      },
      {
        width: missingPanelWidth,
        height: { step },
        transform: [{ filter: isPart("missing") }],
        mark: { type: "bar" },
        encoding: {
          y: { ...y, axis: null },
          x: {
            field: "percent",
            type: "quantitative",
            stack: "zero",
            scale: { domainMin: 0, nice: true },
            axis: { title: likertTexts.missingAxis, tickCount: 3 },
          },
          color: {
            field: "category",
            type: "nominal",
            scale: { domain: missingLabels, range: [...missingColors] },
            legend: { title: likertTexts.missingLegend, columns: 1, symbolType: "square" },
          },
          tooltip: [
            { field: "itemText", type: "nominal", title: likertTexts.itemColumn },
            { field: "category", type: "nominal", title: likertTexts.missingTooltip },
            { field: "count", type: "quantitative", title: likertTexts.countTooltip },
            { field: "percent", type: "quantitative", title: likertTexts.percentTooltip, format: ".1f" },
          ],
        },
      },
    ],
  };

  return { spec, table: { columns, rows: tableRows } };
}

/** Missing answers as a share of everyone shown the item (valid + missing). */
function pushMissing(
  data: LikertDatum[],
  base: Pick<LikertDatum, "itemLabel" | "itemText" | "order">,
  item: LikertItemRow,
  missingLabels: readonly string[],
): void {
  const valid = Object.values(item.counts ?? {}).reduce((sum, count) => sum + count, 0);
  const missingTotal = missingKinds.reduce((sum, kind) => sum + (item.missing?.[kind] ?? 0), 0);
  const total = valid + missingTotal;
  if (total === 0) return;
  missingKinds.forEach((kind, index) => {
    const count = item.missing?.[kind] ?? 0;
    if (count === 0) return;
    data.push({
      ...base,
      part: "missing",
      category: missingLabels[index]!,
      answer: missingLabels[index]!,
      count,
      percent: round1((count / total) * 100),
      x0: null,
      x1: null,
      xMid: null,
      percentText: null,
      textColor: null,
      status: CellStatus.shown,
      statusText: null,
      reason: null,
    });
  });
}

/** The band drawn instead of a bar: grey for suppressed, white with a dashed outline for no data. */
function statusLayers(y: object) {
  const band = (status: CellStatus, fill: string, strokeDash: number[]) => ({
    transform: [
      {
        filter: {
          and: [
            { field: "part", equal: "status" },
            { field: "status", equal: status },
          ],
        },
      },
    ],
    mark: {
      type: "bar" as const,
      fill,
      stroke: noDataStroke,
      strokeDash,
    },
    encoding: {
      y,
      x: { datum: -100, type: "quantitative" as const },
      x2: { datum: 100 },
      tooltip: [
        { field: "itemText", type: "nominal" as const, title: likertTexts.itemColumn },
        { field: "statusText", type: "nominal" as const, title: tableTitles.status },
        { field: "reason", type: "nominal" as const, title: tableTitles.reason },
      ],
    },
  });
  return [
    band(CellStatus.suppressed, suppressedFill, []),
    band(CellStatus.noData, noDataFill, [4, 3]),
    {
      transform: [{ filter: { field: "part", equal: "status" } }],
      mark: { type: "text" as const, color: darkText, fontStyle: "italic" },
      encoding: {
        y,
        x: { datum: 0, type: "quantitative" as const },
        text: { field: "statusText", type: "nominal" as const },
      },
    },
  ];
}
