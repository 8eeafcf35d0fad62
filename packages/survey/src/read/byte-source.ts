/** Where the bytes of an export come from: a whole buffer, or chunks (a file stream). */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

export interface PeekedBytes {
  /** at least the first `size` bytes (fewer only when the file is shorter) */
  sample: Uint8Array;
  /** true when the sample is the whole file */
  complete: boolean;
  /** all bytes, the sample included, as chunks */
  chunks: AsyncIterable<Uint8Array>;
}

/** Reads the first `size` bytes for sniffing without losing them for the parse that follows. */
export async function peekBytes(source: ByteSource, size: number): Promise<PeekedBytes> {
  if (source instanceof Uint8Array) {
    return { sample: source.subarray(0, size), complete: source.length <= size, chunks: once(source) };
  }
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  const sample = concat(head, Math.min(length, size));
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let finished = done;
    try {
      yield* head;
      while (!finished) {
        const next = await iterator.next();
        if (next.done) finished = true;
        else yield next.value;
      }
    } finally {
      // Stopped early (an error, or the caller closed the reader): release the file.
      if (!finished) await iterator.return?.();
    }
  }
  return { sample, complete: done && length <= size, chunks: chunks() };
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    if (at >= length) break;
    const take = part.subarray(0, length - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}
