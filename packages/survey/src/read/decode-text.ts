import { createRequire } from "node:module";
import type * as Iconv from "iconv-lite";
import { iconvName, TextEncoding } from "./text-encoding.js";

// iconv-lite is loaded when a file is first read: `zaz instrument` and --help never need it.
const require = createRequire(import.meta.url);
let loaded: typeof Iconv | undefined;
const iconv = (): typeof Iconv => {
  loaded ??= require("iconv-lite") as typeof Iconv;
  return loaded;
};

/** What decoding found so far; read while the text is parsed. */
export interface DecodeStats {
  /** byte sequences that are not valid in the encoding (each became U+FFFD) */
  invalidSequences: number;
  /**
   * whether valid characters beyond ASCII were decoded: with invalid sequences beside them,
   * the file mixes two encodings (rather than being wholly another one)
   */
  validNonAscii?: boolean;
}

/** Any character beyond ASCII but the byte order mark and U+FFFD. */
const nonAscii = /[\u0080-\ufefe\uff00-\ufffc\ufffe\uffff]/;

/** U+FFFD as written in the file itself, per encoding: those are not decoding failures. */
const literalReplacement: Readonly<Record<TextEncoding, Buffer>> = {
  [TextEncoding.utf8]: Buffer.from([0xef, 0xbf, 0xbd]),
  [TextEncoding.utf16le]: Buffer.from([0xfd, 0xff]),
  [TextEncoding.utf16be]: Buffer.from([0xff, 0xfd]),
  // Windows-1252 cannot hold U+FFFD: every one in the text is a byte it does not define.
  [TextEncoding.windows1252]: Buffer.alloc(0),
};

/**
 * Decodes chunks of bytes to chunks of text incrementally, so a character split over two
 * chunks comes out whole and memory does not grow with the file. A byte order mark is dropped.
 * Bytes that are not valid in the encoding become U+FFFD and are counted in `stats`, apart
 * from any U+FFFD the file itself contains.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  stats: DecodeStats = { invalidSequences: 0 },
): AsyncGenerator<string> {
  const decoder = iconv().getDecoder(iconvName(encoding), { stripBOM: true });
  const pattern = literalReplacement[encoding];
  const unit = encoding === TextEncoding.utf8 || encoding === TextEncoding.windows1252 ? 1 : 2;
  let tail: Buffer = Buffer.alloc(0);
  let offset = 0;
  let literal = 0;
  let replaced = 0;
  const account = (text: string) => {
    replaced += countReplacements(text);
    stats.invalidSequences = Math.max(0, replaced - literal);
    if (!stats.validNonAscii && nonAscii.test(text)) stats.validNonAscii = true;
  };
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (pattern.length > 0) {
      // Matches that start in the previous chunk's last bytes, then those inside this chunk.
      const seam = Buffer.concat([tail, bytes.subarray(0, pattern.length - 1)]);
      literal += countPattern(seam, pattern, offset - tail.length, unit, tail.length);
      literal += countPattern(bytes, pattern, offset, unit, bytes.length);
      tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - (pattern.length - 1))));
    }
    offset += chunk.length;
    const text = decoder.write(bytes);
    if (text) {
      account(text);
      yield text;
    }
  }
  const rest = decoder.end();
  if (rest) {
    account(rest);
    yield rest;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf("\uFFFD"); at >= 0; at = text.indexOf("\uFFFD", at + 1)) n++;
  return n;
}

/**
 * Occurrences of `pattern` that start before index `before` and at a multiple of `unit`
 * (absolute offset of bytes[0] = `start`).
 */
function countPattern(bytes: Buffer, pattern: Buffer, start: number, unit: number, before: number): number {
  let n = 0;
  for (let at = bytes.indexOf(pattern); at >= 0 && at < before; at = bytes.indexOf(pattern, at + 1)) {
    if ((start + at) % unit === 0) n++;
  }
  return n;
}

/** Decodes a whole (small) buffer: for sniffing the delimiter in the sample. */
export function decodeSample(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), iconvName(encoding));
}
