import { TextEncoding } from "./text-encoding.js";

export interface EncodingDetection {
  encoding: TextEncoding;
  /** length of the byte order mark at the start, 0 when there is none */
  bomLength: number;
  /** false when a byte order mark says so; true when inferred from the bytes */
  guessed: boolean;
}

/**
 * Infers the encoding from the first bytes of a file: a byte order mark decides; without one,
 * bytes that are not valid UTF-8 mean Windows-1252 (what Dutch Excel writes), and a pattern of
 * zero bytes in every other position means UTF-16 without a mark.
 *
 * `complete` says whether the sample is the whole file; if not, a multi-byte character cut off
 * at the end of the sample is not held against UTF-8.
 */
export function detectEncoding(sample: Uint8Array, complete = true): EncodingDetection {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: TextEncoding.utf8, bomLength: 3, guessed: false };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe)
    return { encoding: TextEncoding.utf16le, bomLength: 2, guessed: false };
  if (sample[0] === 0xfe && sample[1] === 0xff)
    return { encoding: TextEncoding.utf16be, bomLength: 2, guessed: false };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, guessed: true };
  const encoding = isValidUtf8(sample, complete) ? TextEncoding.utf8 : TextEncoding.windows1252;
  return { encoding, bomLength: 0, guessed: true };
}

/** Text in UTF-16 has a zero byte beside nearly every ASCII character; other text has none. */
function utf16WithoutBom(sample: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05) return TextEncoding.utf16le;
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05) return TextEncoding.utf16be;
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + need >= n) {
      // The sequence runs past the sample: acceptable only when the sample was cut there.
      if (complete) return false;
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
      return true;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return false;
    i += need + 1;
  }
  return true;
}
