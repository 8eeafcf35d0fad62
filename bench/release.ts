/**
 * npm run bench:release [-- --schools N] [-- --columns C]
 *
 * How long choosing the release takes (suppression over all views together,
 * packages/survey/src/release) for a board-sized structure: N schools in 4 boards, 2 waves, 8 groepen
 * of 0–24 respondents each, C item columns. It runs once per data version (after an import or an
 * erasure), never per request; this says how long that once is.
 */
import { parseArgs } from "node:util";
import { chooseRelease, defaultPrivacy, type ReleaseAtom } from "@zaz/survey";

const { values } = parseArgs({ options: { schools: { type: "string" }, columns: { type: "string" } } });
const schools = Number(values.schools ?? 100);
const columns = Number(values.columns ?? 46);

let seed = 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const atoms: ReleaseAtom[] = [];
for (let s = 0; s < schools; s++)
  for (const wave of ["2025-najaar", "2026-voorjaar"])
    for (let groep = 1; groep <= 8; groep++) {
      const n = Math.floor(random() * 25);
      if (n === 0) continue;
      const counts: Record<string, number> = {};
      for (let c = 0; c < columns; c++) counts[`i:${c}`] = Math.max(0, n - Math.floor(random() * 3));
      atoms.push({
        values: { bestuur: `b${s % 4}`, school: `s${s}`, wave, groep: String(groep) },
        responses: n,
        columns: counts,
        students: null,
      });
    }
const started = performance.now();
const release = chooseRelease({
  atoms,
  patterns: [
    ["bestuur", "wave"],
    ["bestuur", "school", "wave"],
    ["school", "wave"],
    ["school", "wave", "groep"],
  ],
  columns: Array.from({ length: columns }, (_, c) => `i:${c}`),
  privacy: defaultPrivacy,
});
const seconds = (performance.now() - started) / 1000;
const hidden = release.cells.filter((c) => c.mark.all).length;
console.log(
  `release voor ${schools} scholen in 4 besturen (${atoms.length} kleinste groepen, ${release.cells.length} cellen, ${columns} kolommen): ${seconds.toFixed(2)} s; ${hidden} cellen geheel afgeschermd`,
);
