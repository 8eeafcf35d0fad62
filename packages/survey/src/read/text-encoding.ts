/** The text encodings an export can be read in. Values are the names users type after --encoding. */
export const TextEncoding = {
  utf8: "utf-8",
  windows1252: "windows-1252",
  utf16le: "utf-16le",
  utf16be: "utf-16be",
} as const;

export type TextEncoding = (typeof TextEncoding)[keyof typeof TextEncoding];

export const textEncodings: readonly TextEncoding[] = Object.values(TextEncoding);

export function isTextEncoding(value: unknown): value is TextEncoding {
  return typeof value === "string" && (textEncodings as readonly string[]).includes(value);
}

/** The spellings people (and other tools) use for each encoding. */
const aliases: Readonly<Record<string, TextEncoding>> = {
  utf8: "utf-8",
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf8-bom": "utf-8",
  "windows-1252": "windows-1252",
  windows1252: "windows-1252",
  win1252: "windows-1252",
  cp1252: "windows-1252",
  ansi: "windows-1252",
  // Browsers and Excel treat latin1 as cp1252; the difference (0x80–0x9F) is exactly € ‘ ’ “ ” …
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
  "utf-16le": "utf-16le",
  utf16le: "utf-16le",
  "utf-16": "utf-16le",
  utf16: "utf-16le",
  unicode: "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
};

/** Reads an encoding name as a user may type it; undefined when it is not one we read. */
export function parseEncodingName(name: string): TextEncoding | undefined {
  return aliases[name.trim().toLowerCase().replace(/_/g, "-")];
}

/** The name iconv-lite knows the encoding by. */
export function iconvName(encoding: TextEncoding): string {
  return encoding === TextEncoding.windows1252 ? "win1252" : encoding;
}
