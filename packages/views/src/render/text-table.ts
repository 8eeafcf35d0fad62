import { plainCellText as cellText, type PlainTable } from "./plain-table.js";

/**
 * Renders a table in plain text within `width` characters: wrappable columns share what the
 * fixed ones leave; a cell never breaks the layout.
 */
export function textTable(table: PlainTable, width = 80): string {
  const { columns, rows } = table;
  const texts = rows.map((r) => columns.map((c) => cellText(r[c.key]).replace(/\s+/g, " ")));
  const natural = columns.map((c, i) => Math.max(c.title.length, ...texts.map((t) => (t[i] ?? "").length)));
  const gap = 2;
  const widths = [...natural];
  const wrapIdx = columns.map((c, i) => (c.wrap ? i : -1)).filter((i) => i >= 0);
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  if (total() > width && wrapIdx.length > 0) {
    // Wrappable columns first get room for their longest word, then share the rest in
    // proportion to how much more text they hold.
    const fixed =
      widths.reduce((a, w, i) => (wrapIdx.includes(i) ? a : a + w), 0) + gap * (columns.length - 1);
    const longestWord = (i: number) =>
      Math.max(
        columns[i]?.title.length ?? 0,
        ...texts.flatMap((t) => (t[i] ?? "").split(" ").map((w) => Math.min(w.length, 18))),
      );
    for (const i of wrapIdx) widths[i] = Math.min(natural[i] ?? 0, longestWord(i));
    const room = width - fixed - wrapIdx.reduce((a, i) => a + (widths[i] ?? 0), 0);
    const extra = wrapIdx.map((i) => (natural[i] ?? 0) - (widths[i] ?? 0));
    const wanted = extra.reduce((a, b) => a + b, 0);
    if (room > 0 && wanted > 0) {
      wrapIdx.forEach((i, n) => {
        widths[i] = (widths[i] ?? 0) + Math.min(extra[n] ?? 0, Math.floor((room * (extra[n] ?? 0)) / wanted));
      });
    }
  }
  // Still too wide: narrow the wrappable columns further (never an id or a number); else overflow.
  while (total() > width) {
    const candidates = wrapIdx.filter((i) => (widths[i] ?? 0) > 8);
    if (candidates.length === 0) break;
    const widest = candidates.reduce((a, b) => ((widths[b] ?? 0) > (widths[a] ?? 0) ? b : a));
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const pad = (text: string, w: number, right: boolean) => (right ? text.padStart(w) : text.padEnd(w));
  const lines: string[] = [];
  const emit = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      lines.push(
        columns
          .map((c, i) => pad(cells[i]?.[line] ?? "", widths[i] ?? 0, c.align === "right"))
          .join(" ".repeat(gap))
          .trimEnd(),
      );
    }
  };
  emit(columns.map((c, i) => [truncate(c.title, widths[i] ?? 0)]));
  lines.push(columns.map((_, i) => "─".repeat(widths[i] ?? 0)).join(" ".repeat(gap)));
  for (const t of texts) {
    emit(
      columns.map((c, i) =>
        c.wrap ? wrap(t[i] ?? "", widths[i] ?? 0) : [truncate(t[i] ?? "", widths[i] ?? 0)],
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== "") out.push(line);
  return out;
}
