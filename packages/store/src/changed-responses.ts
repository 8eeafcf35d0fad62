import { StoreError, storeMessages } from "./messages.js";

/**
 * Why an import is refused when responses it holds are stored already with other answers
 * (a response's identity is its key; its content hash says whether it changed).
 */

/** A response of the file that is a new version of a stored one. */
export interface ChangedResponse {
  /** its row in the file being imported */
  row: number;
  /** the stored version: its row in the earlier file, and that import */
  earlierRow: number;
  earlierImportId: string;
  earlierFile: string;
}

/** An import that stored the responses now changed. */
export interface EarlierImport {
  importId: string;
  fileName: string;
  /** ISO 8601, UTC */
  importedAt: string;
}

/**
 * The file holds responses stored before with other answers, and the import was not asked to replace
 * them (NewImport.replaceChanged): nothing is written.
 */
export class ChangedResponsesError extends StoreError {
  constructor(
    /** the file being imported */
    readonly file: string,
    /** how many of its responses changed */
    readonly count: number,
    readonly earlier: readonly EarlierImport[],
    /** the first few, by row */
    readonly first: readonly ChangedResponse[],
  ) {
    super(
      storeMessages.responsesChanged(
        file,
        count,
        earlier.map((e) => e.fileName),
      ),
    );
  }
}

/** Two rows of one file with the same key and other answers. */
export interface ConflictingPair {
  firstRow: number;
  row: number;
}

/** An export holds one version of each response; two different ones cannot both be stored. */
export class ConflictingResponsesError extends StoreError {
  constructor(
    readonly file: string,
    readonly count: number,
    /** the first few, by row */
    readonly pairs: readonly ConflictingPair[],
  ) {
    super(storeMessages.conflictingResponses(file, count, pairs[0]?.firstRow ?? 0, pairs[0]?.row ?? 0));
  }
}
