import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Request } from "express";
import { HttpError } from "../http-error.js";
import { uploadMessages as msg } from "../messages.js";

/** An uploaded file in a private temp folder; `remove` deletes both, and may be called more than once. */
export interface ReceivedFile {
  path: string;
  size: number;
  remove(): Promise<void>;
}

/**
 * Streams a request's body into a file only this process's user can read (folder 0700, file 0600),
 * refusing more than `maxBytes` (413) without holding the file in memory. Whatever happens, a
 * refused or broken upload leaves nothing behind; the caller removes a received one after use.
 */
export async function receiveFile(req: Request, maxBytes: number, root = tmpdir()): Promise<ReceivedFile> {
  const declared = Number(req.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const dir = await mkdtemp(join(root, "zaz-upload-"));
  const path = join(dir, "export.csv");
  const remove = () => rm(dir, { recursive: true, force: true });
  let size = 0;
  try {
    const counted = async function* () {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        yield chunk as Buffer;
      }
    };
    await pipeline(counted, createWriteStream(path, { mode: 0o600, flags: "wx" }));
  } catch (error) {
    await remove();
    // the rest of a refused body is not read: the connection is closed after the answer
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "upload-broken", msg.uploadBroken);
  }
  if (size === 0) {
    await remove();
    throw new HttpError(400, "upload-empty", msg.uploadEmpty);
  }
  return { path, size, remove };
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "upload-too-large", msg.uploadTooLarge(Math.round(maxBytes / (1024 * 1024))), {
    Connection: "close",
  });
}
