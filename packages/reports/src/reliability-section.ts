import type { ReliabilityReport } from "@zaz/survey";
import { hiddenCell, round } from "./format-cell.js";
import { reportMessages as msg } from "./messages.js";
import { formatNumber, type ReportSection, type ReportValue } from "./report.js";

/** Cronbach's alpha per scale, with its Feldt interval and the items that pull it down. */
export function reliabilitySection(report: ReliabilityReport, k: number): ReportSection {
  const rows = report.constructs.map(({ construct, reliability }) => {
    if (reliability.status !== "shown") {
      const hidden = hiddenCell(reliability, k);
      return { schaal: construct.name, alpha: hidden, n: hidden, signaal: "" };
    }
    const r = reliability.value;
    const flagged = r.items
      .filter((i) => i.negative)
      .map((i) => `${i.id} (r = ${formatNumber(i.itemRest ?? 0, 2)})`);
    return {
      schaal: construct.name,
      alpha:
        r.alpha === null
          ? { text: "–", status: "empty" as const }
          : {
              text: `${formatNumber(r.alpha, 2)}${r.ci ? ` [${formatNumber(r.ci.low, 2)}; ${formatNumber(r.ci.high, 2)}]` : ""}`,
              value: round(r.alpha),
              n: reliability.n,
              status: "shown" as const,
            },
      n: reliability.n,
      signaal: flagged.length > 0 ? `negatieve item-restcorrelatie: ${flagged.join(", ")}` : "",
    } satisfies Record<string, ReportValue>;
  });
  return {
    id: "betrouwbaarheid",
    heading: "Betrouwbaarheid van de schalen",
    intro:
      "Cronbach's alfa per schaal over de respondenten die alle items van de schaal beantwoordden, met een 95%-interval volgens Feldt. Een item met een negatieve item-restcorrelatie wijst meestal op een vergeten omscoring.",
    tables: [
      {
        id: "betrouwbaarheid",
        caption: "Cronbach's alfa per schaal",
        columns: [
          { key: "schaal", title: "schaal", wrap: true },
          { key: "alpha", title: "alfa [95%-int.]", align: "right" },
          { key: "n", title: "n", align: "right" },
          { key: "signaal", title: "signaal", wrap: true },
        ],
        rows,
        notes: ["n: respondenten met een antwoord op alle items van de schaal.", msg.legendHidden(k)],
      },
    ],
    charts: [],
  };
}
