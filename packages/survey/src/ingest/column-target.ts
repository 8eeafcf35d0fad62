/** What a column of an export is taken to be. */
export type ColumnTarget =
  /**
   * `option`: a column per choice of a multiple-choice item (LimeSurvey "Q[SQ001]"), holding that
   * choice's code. `other`: the text typed beside the item's "Anders" choice (LimeSurvey "Q[other]"),
   * kept as that choice's text.
   */
  | { kind: "item"; item: string; option?: number; other?: true }
  | { kind: "dimension"; dimension: string }
  /** the export's own response id or submission time: used, not stored as an answer */
  | { kind: "meta"; role: MetaRole }
  /** direct identifiers and everything else: never stored */
  | { kind: "ignore"; reason: IgnoreReason };

export const MetaRole = {
  responseId: "responseId",
  submittedAt: "submittedAt",
} as const;
export type MetaRole = (typeof MetaRole)[keyof typeof MetaRole];

export const IgnoreReason = {
  /** names, e-mail addresses, IP addresses: dropped at ingest (AVG) */
  identifier: "identifier",
  /** bookkeeping of the survey tool (last page, language, duration …) */
  toolMetadata: "toolMetadata",
  /** no item or dimension of the instrument fits */
  unmapped: "unmapped",
  /** the mapping file says to ignore it */
  byMapping: "byMapping",
} as const;
export type IgnoreReason = (typeof IgnoreReason)[keyof typeof IgnoreReason];

/** How a mapping file names the "Anders" text of an item: item:ID[anders]. */
const otherSuffix = "anders";

export function formatTarget(target: ColumnTarget): string {
  switch (target.kind) {
    case "item":
      if (target.other) return `item:${target.item}[${otherSuffix}]`;
      return target.option === undefined ? `item:${target.item}` : `item:${target.item}[${target.option}]`;
    case "dimension":
      return `dimension:${target.dimension}`;
    case "meta":
      return `meta:${target.role}`;
    case "ignore":
      return "ignore";
  }
}

/** The inverse of formatTarget, for mapping files; undefined when the text is not a target. */
export function parseTarget(text: string): ColumnTarget | undefined {
  const [kind, name] = text
    .trim()
    .split(":", 2)
    .map((s) => s.trim());
  if (kind === "ignore" || kind === "negeer") return { kind: "ignore", reason: "byMapping" };
  if (name === undefined || name === "") return undefined;
  if (kind === "item") {
    const other = /^(.+)\[(?:anders|other)\]$/i.exec(name);
    if (other?.[1] !== undefined) return { kind: "item", item: other[1], other: true };
    const option = /^(.+)\[(-?\d+)\]$/.exec(name);
    return option?.[1] !== undefined
      ? { kind: "item", item: option[1], option: Number(option[2]) }
      : { kind: "item", item: name };
  }
  if (kind === "dimension" || kind === "dimensie") return { kind: "dimension", dimension: name };
  if (kind === "meta" && (name === "responseId" || name === "submittedAt"))
    return { kind: "meta", role: name };
  return undefined;
}
