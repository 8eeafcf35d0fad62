import type { Cell as AnalysisCell, ConstructStats, ConstructTable } from "@zaz/survey";
import { changeCell, hiddenCell, meanCell } from "../cells.js";
import { round } from "../format.js";
import { referenceMessages as msg } from "../messages.js";
import type { Cell, CellValue, Section } from "../view.js";
import { differenceFromRest, type GroupSummary, positionAmong } from "./reference-position.js";

function summaryOf(cell: AnalysisCell<ConstructStats> & { status: "shown" }): GroupSummary {
  const v = cell.value;
  return { mean: v.mean, sd: v.sd, n: cell.n, deff: Math.max(1, v.designEffect?.deff ?? 1) };
}

/**
 * One school against the other schools of its board, per construct: the difference with its
 * interval and the school's percentile. `board` is the board × wave table by school (cells the
 * release marks); only the school's own row and the board total are named — no other school's
 * name or value leaves this function, only how many of them lie below.
 */
export function referenceSection(
  board: ConstructTable,
  schoolCode: string,
  bestuurName: string,
  k: number,
  /** the schools of every board in the same wave, where the installation holds more boards */
  all: ConstructTable | null = null,
): Section {
  const isOwn = (g: ConstructTable["groups"][number]) =>
    g.key.find((l) => l.dimension === "school")?.code === schoolCode;
  const own = board.groups.find(isOwn);
  const others = board.groups.filter((g) => !isOwn(g));
  const everyOther = all?.groups.filter((g) => !isOwn(g)) ?? [];
  const positionOf = (
    mine: AnalysisCell<ConstructStats> & { status: "shown" },
    id: string,
    among: typeof others,
  ): CellValue => {
    const means = among.flatMap((g) => {
      const cell = g.constructs[id];
      return cell?.status === "shown" ? [cell.value.mean] : [];
    });
    const p = positionAmong(mine.value.mean, means);
    return p === null
      ? msg.noOthers
      : {
          status: "shown",
          text: msg.positionText(p.percentile, p.below, p.count),
          value: round(p.percentile),
          n: mine.n,
          title: msg.positionTitle(p.below, p.ties, p.count),
        };
  };
  const rows = board.constructs.map((c) => {
    const mine = own?.constructs[c.id];
    const whole = board.total.constructs[c.id];
    const row: Record<string, CellValue> = { schaal: c.name, school: meanCell(mine, k) };
    if (mine?.status !== "shown") {
      const hidden = hiddenCell(mine, k);
      return { ...row, verschil: hidden, positie: hidden, ...(all === null ? {} : { alle: hidden }) };
    }
    let difference: Cell = hiddenCell(whole?.status === "shown" ? undefined : whole, k);
    if (whole?.status === "shown") {
      const d = differenceFromRest(summaryOf(mine), summaryOf(whole));
      if (d !== null)
        difference = {
          ...changeCell(d.difference, d.n, { low: d.low, high: d.high, level: 0.95 }, { interval: "text" }),
          title: msg.differenceTitle(d.n, d.restN),
        };
    }
    return {
      ...row,
      verschil: difference,
      positie: positionOf(mine, c.id, others),
      ...(all === null ? {} : { alle: positionOf(mine, c.id, everyOther) }),
    };
  });
  return {
    id: "referentiegroep",
    heading: msg.heading,
    intro: msg.intro(bestuurName),
    tables: [
      {
        id: "referentiegroep",
        caption: msg.caption,
        columns: [
          { key: "schaal", title: msg.construct, wrap: true },
          { key: "school", title: msg.school, align: "right" },
          { key: "verschil", title: msg.difference, align: "right" },
          { key: "positie", title: msg.position, align: "right" },
          ...(all === null ? [] : [{ key: "alle", title: msg.positionAll, align: "right" as const }]),
        ],
        rows,
        notes: msg.notes(k),
      },
    ],
    charts: [],
  };
}
