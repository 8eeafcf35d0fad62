/**
 * What an instrument is for: the role decides which views use it. A leerteam's adapted copy of an
 * instrument keeps the role of the original, and so appears in the same reports and views; each
 * role needs the context dimensions its views group and filter by.
 */
export const InstrumentRole = {
  /** the parent survey of a school: experience per Bakker condition, own involvement per partnership form */
  ouderpopulatie: "ouderpopulatie",
  /** opleidingsouders' feedback on a student teacher's practice conversation */
  opleidingsouders: "opleidingsouders",
  /** observation forms of a student teacher's parent conversation */
  observatie: "observatie",
} as const;

export type InstrumentRole = (typeof InstrumentRole)[keyof typeof InstrumentRole];

export const instrumentRoles: readonly InstrumentRole[] = Object.values(InstrumentRole);

export function isInstrumentRole(value: unknown): value is InstrumentRole {
  return typeof value === "string" && (instrumentRoles as readonly string[]).includes(value);
}

/** The dimension ids an instrument of each role must have, because its views use them. */
export const roleDimensions: Readonly<Record<InstrumentRole, readonly string[]>> = {
  ouderpopulatie: ["school", "groep", "wave"],
  opleidingsouders: ["student", "opleiding", "fase", "cohort", "gesprekssoort"],
  observatie: ["student", "opleiding", "fase", "cohort", "gesprekssoort"],
};
