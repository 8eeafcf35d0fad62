import type { RapportcijferFormula } from "./rapportcijfer.js";

/** Dutch display text of the statistics. */
export const statsMessages = {
  /** "3 × gemiddelde − 2", "(9 × gemiddelde − 5) / 4", or unreduced "1 + 9 × (gemiddelde − 0,5) / 3,5" */
  rapportcijferFormula: (
    formula: RapportcijferFormula | null,
    scaleMin: number,
    scaleMax: number,
  ): string => {
    if (formula === null) {
      const shifted = scaleMin === 0 ? "gemiddelde" : `(gemiddelde ${signed(-scaleMin)})`;
      return `1 + 9 × ${shifted} / ${dutchNumber(scaleMax - scaleMin)}`;
    }
    const { multiplier, constant, divisor } = formula;
    const term = multiplier === 1 ? "gemiddelde" : `${multiplier} × gemiddelde`;
    const numerator = constant === 0 ? term : `${term} ${signed(constant)}`;
    if (divisor === 1) return numerator;
    return constant === 0 ? `${numerator} / ${divisor}` : `(${numerator}) / ${divisor}`;
  },
} as const;

/** "+ 3" or "− 2" (typographic minus), decimal comma */
function signed(value: number): string {
  return value < 0 ? `− ${dutchNumber(-value)}` : `+ ${dutchNumber(value)}`;
}

function dutchNumber(value: number): string {
  return String(value).replace(".", ",");
}
