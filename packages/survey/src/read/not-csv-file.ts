/** What a file that is no CSV export turned out to be, from its first bytes. */
export const NotCsvKind = {
  xlsx: "xlsx",
  ods: "ods",
  docx: "docx",
  zip: "zip",
  xls: "xls",
  pdf: "pdf",
  gzip: "gzip",
  image: "image",
  /** a web page: often a login or error page saved instead of the export */
  html: "html",
  binary: "binary",
} as const;
export type NotCsvKind = (typeof NotCsvKind)[keyof typeof NotCsvKind];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text, 0, "latin1");

/**
 * Recognises a spreadsheet, document, archive, web page or other binary file where a CSV export
 * was expected — the magic numbers of zip (xlsx, ods, docx), OLE (old .xls), PDF, gzip and
 * images, an HTML start, or else mostly control bytes — so the user is told what the file is
 * instead of being shown a garbled header. `utf16` says the text is UTF-16, whose zero bytes
 * are text.
 */
export function recogniseNotCsv(sample: Uint8Array, utf16: boolean): NotCsvKind | undefined {
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) {
    if (contains(sample, "opendocument.spreadsheet")) return NotCsvKind.ods;
    if (contains(sample, "word/")) return NotCsvKind.docx;
    if (contains(sample, "xl/") || contains(sample, "[Content_Types].xml")) return NotCsvKind.xlsx;
    return NotCsvKind.zip;
  }
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return NotCsvKind.xls;
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46, 0x2d])) return NotCsvKind.pdf;
  if (startsWith(sample, [0x1f, 0x8b])) return NotCsvKind.gzip;
  if (startsWith(sample, [0x89, 0x50, 0x4e, 0x47]) || startsWith(sample, [0xff, 0xd8, 0xff]))
    return NotCsvKind.image;
  if (utf16) return undefined;
  const start = Buffer.from(sample.subarray(0, 256))
    .toString("latin1")
    .replace(/^\u00ef\u00bb\u00bf/, "")
    .trimStart()
    .toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) return NotCsvKind.html;
  // Text has tabs and line ends but hardly any other control bytes; a stray NUL in a CSV is a
  // row problem (reported with its row), a tenth of the bytes is not text at all.
  const head = sample.subarray(0, 8192);
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++;
  return head.length >= 16 && control > head.length * 0.1 ? NotCsvKind.binary : undefined;
}
