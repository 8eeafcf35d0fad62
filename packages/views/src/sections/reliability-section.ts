import type { ReliabilityReport } from "@zaz/survey";
import { hiddenCell } from "../cells.js";
import { formatCount, formatNumber, round } from "../format.js";
import { viewMessages as msg } from "../messages.js";
import type { CellValue, Section } from "../view.js";

/** Cronbach's alpha per scale, with its Feldt interval, standardised alpha and the items that pull it down. */
export function reliabilitySection(report: ReliabilityReport, k: number): Section {
  let small = false;
  const rows = report.constructs.map(({ construct, reliability }) => {
    if (reliability.status !== "shown") {
      const hidden = hiddenCell(reliability, k);
      return { schaal: construct.name, alpha: hidden, std: hidden, n: hidden, signaal: "" };
    }
    const r = reliability.value;
    small ||= r.smallN;
    const flagged = r.items
      .filter((i) => i.negative)
      .map((i) => `${i.id} (r = ${formatNumber(i.itemRest ?? 0, 2)})`);
    const mark = r.smallN ? msg.smallMark : "";
    return {
      schaal: construct.name,
      alpha:
        r.alpha === null
          ? {
              status: "empty" as const,
              text: "n.t.b.",
              title: "alfa niet te bepalen: de antwoorden verschillen niet",
            }
          : {
              status: "shown" as const,
              text: `${formatNumber(r.alpha, 2)}${r.ci ? ` [${formatNumber(r.ci.low, 2)}; ${formatNumber(r.ci.high, 2)}]` : ""}${mark}`,
              value: round(r.alpha),
              n: reliability.n,
              ...(r.ci ? { low: round(r.ci.low), high: round(r.ci.high) } : {}),
              ...(r.smallN ? { small: true } : {}),
            },
      std:
        r.standardizedAlpha === null
          ? null
          : {
              status: "shown" as const,
              text: formatNumber(r.standardizedAlpha, 2),
              value: round(r.standardizedAlpha),
              n: reliability.n,
            },
      n: {
        status: "shown" as const,
        text: formatCount(reliability.n),
        value: reliability.n,
        n: reliability.n,
      },
      signaal: flagged.length > 0 ? `negatieve item-restcorrelatie: ${flagged.join(", ")}` : "",
    } satisfies Record<string, CellValue>;
  });
  return {
    id: "betrouwbaarheid",
    heading: "Betrouwbaarheid van de schalen",
    intro:
      "Cronbach's alfa per schaal over de respondenten die alle items van de schaal beantwoordden, met een 95%-interval volgens Feldt, en de gestandaardiseerde alfa. Een item met een negatieve item-restcorrelatie wijst meestal op een vergeten omscoring.",
    tables: [
      {
        id: "betrouwbaarheid",
        caption: "Cronbach's alfa per schaal",
        columns: [
          { key: "schaal", title: "schaal", wrap: true },
          { key: "alpha", title: "alfa [95%-int.]", align: "right" },
          { key: "std", title: "std.", align: "right" },
          { key: "n", title: "n", align: "right" },
          { key: "signaal", title: "signaal", wrap: true },
        ],
        rows,
        notes: [
          "n: respondenten met een antwoord op alle items van de schaal. std.: gestandaardiseerde alfa. n.t.b.: niet te bepalen, de antwoorden verschillen niet.",
          ...(small ? ["†: minder dan 10 respondenten; alfa en interval zijn een ruwe schatting."] : []),
          msg.legendHidden(k),
        ],
      },
    ],
    charts: [],
  };
}
