/**
 * What a column added by the survey tool holds. The values equal the ingest stage's
 * `ColumnRole`, so a reader's roles can be handed to `proposeMapping` as they are.
 */
export const MetadataRole = {
  /** when the response was submitted (or started) */
  timestamp: "timestamp",
  /** the export's own id of a response */
  responseId: "responseId",
  /** direct identifiers: never stored */
  email: "email",
  name: "name",
  ip: "ip",
  /** other bookkeeping of the tool: language, last page, duration, collector … */
  meta: "meta",
  /**
   * Bookkeeping that says whether a row is a real, complete response (Qualtrics "Status" /
   * "Response Type", "Finished", "Progress"): not stored either, but read by `rowExclusion`.
   */
  responseType: "responseType",
  finished: "finished",
  progress: "progress",
} as const;

export type MetadataRole = (typeof MetadataRole)[keyof typeof MetadataRole];

export const metadataRoles: readonly MetadataRole[] = Object.values(MetadataRole);

export function isMetadataRole(value: unknown): value is MetadataRole {
  return typeof value === "string" && (metadataRoles as readonly string[]).includes(value);
}
