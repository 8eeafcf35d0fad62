/** How far an import or check is: bytes of the file read, and rows so far. */
export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

export type OnProgress = (progress: ImportProgress) => void;
