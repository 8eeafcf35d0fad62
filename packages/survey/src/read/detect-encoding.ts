import { TextEncoding } from "./text-encoding.js";

export interface EncodingDetection {
  encoding: TextEncoding;
  /** length of the byte order mark at the start, 0 when there is none */
  bomLength: number;
  /** false when a byte order mark says so; true when inferred from the bytes */
  guessed: boolean;
  /**
   * UTF-8 with bytes that are not UTF-8 among it (a stray Windows-1252 byte in an otherwise
   * UTF-8 file): read as UTF-8, so the rows with those bytes are rejected, not the whole file
   * turned into "CafÃ©"
   */
  mixed?: true;
}

/**
 * Infers the encoding from the first bytes of a file: a byte order mark decides; without one,
 * a pattern of zero bytes in every other position means UTF-16 without a mark; bytes that are
 * not valid UTF-8 mean Windows-1252 (what Dutch Excel writes) — unless the sample holds at least
 * as many valid multi-byte UTF-8 characters as invalid bytes: then it is UTF-8 with a few stray
 * bytes (`mixed`). Genuine Windows-1252 text almost never forms valid UTF-8 sequences ("Ã©").
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
  const { valid, invalid } = utf8Evidence(sample, complete);
  if (invalid === 0) return { encoding: TextEncoding.utf8, bomLength: 0, guessed: true };
  if (valid > 0 && valid >= invalid)
    return { encoding: TextEncoding.utf8, bomLength: 0, guessed: true, mixed: true };
  return { encoding: TextEncoding.windows1252, bomLength: 0, guessed: true };
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
  return utf8Evidence(bytes, complete).invalid === 0;
}

/**
 * Counts the valid multi-byte UTF-8 characters and the bytes that cannot be UTF-8 (each
 * invalid lead byte or broken sequence counts once; reading resumes at the next byte).
 */
export function utf8Evidence(bytes: Uint8Array, complete = true): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  const bad = () => {
    invalid++;
    i++;
  };
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
      bad();
      continue;
    }
    if (i + need >= n) {
      // The sequence runs past the sample: acceptable only when the sample was cut there.
      let cut = !complete;
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) cut = false;
      if (!cut) invalid++;
      break;
    }
    let code = b & (0x3f >> need);
    let broken = false;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) {
        broken = true;
        break;
      }
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    if (broken || code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      bad();
      continue;
    }
    valid++;
    i += need + 1;
  }
  return { valid, invalid };
}
