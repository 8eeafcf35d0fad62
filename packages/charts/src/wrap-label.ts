const wordSlack = 3;

/**
 * Wraps a label into at most `maxLines` lines of about `lineLength` characters, breaking at
 * spaces, and ends with "…" when text had to be cut. Lines are joined with "\n", on which the
 * chart config breaks lines. Whitespace (also user-typed newlines) is collapsed first. A word
 * up to 3 characters longer than a line stays whole ("Maatschappelijk"); longer ones are broken.
 */
export function wrapLabel(text: string, lineLength: number, maxLines: number): string {
  if (lineLength < 2 || maxLines < 1) throw new RangeError("lineLength must be ≥ 2 and maxLines ≥ 1");
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "");
  const lines: string[] = [];
  let current = "";
  let cut = false;
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (candidate.length <= lineLength || (current === "" && word.length <= lineLength + wordSlack)) {
      current = candidate;
      continue;
    }
    if (current !== "") {
      lines.push(current);
      current = "";
    }
    if (lines.length === maxLines) {
      cut = true;
      break;
    }
    // A word longer than a line is hard-broken.
    let rest = word;
    while (rest.length > lineLength + wordSlack && lines.length < maxLines) {
      lines.push(`${rest.slice(0, lineLength - 1)}-`);
      rest = rest.slice(lineLength - 1);
    }
    if (lines.length === maxLines) {
      cut = rest !== "";
      if (cut) break;
    }
    current = rest;
  }
  if (!cut && current !== "") {
    if (lines.length < maxLines) lines.push(current);
    else cut = true;
  }
  if (cut && lines.length > 0) {
    const last = lines[lines.length - 1]!.replace(/-$/, "");
    const room = lineLength - 1;
    lines[lines.length - 1] = `${last.length > room ? last.slice(0, room) : last}…`;
  }
  return lines.join("\n");
}
