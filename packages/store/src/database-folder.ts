import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { StoreError, storeMessages } from "./messages.js";

/**
 * Makes the folder that `file` (a database file or its key) goes in, with its parents. A path
 * through an existing file, or a folder the user may not write in, is told in Dutch.
 */
export async function makeFolderFor(file: string, mode?: number): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true, ...(mode === undefined ? {} : { mode }) });
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === "EEXIST" || code === "ENOTDIR")
      throw new StoreError(storeMessages.folderIsFile(file, path ?? dirname(file)), { cause: error });
    if (isNoAccess(error)) throw new StoreError(storeMessages.folderNoAccess(file), { cause: error });
    throw error;
  }
}

/** the file system's "you may not write here": no permission, or mounted read-only */
export function isNoAccess(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "EACCES" || code === "EPERM" || code === "EROFS";
}
