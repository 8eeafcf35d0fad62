/** The field delimiters an export can use. */
export const Delimiter = {
  comma: ",",
  semicolon: ";",
  tab: "\t",
  pipe: "|",
} as const;

export type Delimiter = (typeof Delimiter)[keyof typeof Delimiter];

export const delimiters: readonly Delimiter[] = Object.values(Delimiter);

export function isDelimiter(value: unknown): value is Delimiter {
  return typeof value === "string" && (delimiters as readonly string[]).includes(value);
}

const names: Readonly<Record<string, Delimiter>> = {
  ",": ",",
  comma: ",",
  komma: ",",
  ";": ";",
  semicolon: ";",
  puntkomma: ";",
  "\t": "\t",
  "\\t": "\t",
  tab: "\t",
  "|": "|",
  pipe: "|",
};

/** Reads a delimiter as a user may give it ("tab", "\t", ";", "puntkomma" …); undefined when unknown. */
export function parseDelimiterName(name: string): Delimiter | undefined {
  return names[name === "\t" ? name : name.trim().toLowerCase()];
}

/** How a delimiter is named in messages: a tab is invisible. */
export function delimiterLabel(delimiter: Delimiter): string {
  return delimiter === "\t" ? "tab" : delimiter;
}
