/** The kinds of missing value an answer can carry; each is counted apart, never as a score. */
export const MissingKind = {
  /** "weet ik niet" / "weet niet" */
  weetNiet: "weet_niet",
  /** "n.v.t." — the question does not apply to this respondent */
  nvt: "nvt",
  /** left empty */
  leeg: "leeg",
} as const;

export type MissingKind = (typeof MissingKind)[keyof typeof MissingKind];

export const missingKinds: readonly MissingKind[] = Object.values(MissingKind);

export function isMissingKind(value: unknown): value is MissingKind {
  return typeof value === "string" && (missingKinds as readonly string[]).includes(value);
}
