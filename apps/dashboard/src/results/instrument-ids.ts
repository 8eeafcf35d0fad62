/** The default instruments the dashboard's views are built on. */
export const InstrumentId = {
  ouderpopulatie: "ouderpopulatie",
  opleidingsouders: "opleidingsouders",
  observatie: "observatie",
} as const;

export type InstrumentId = (typeof InstrumentId)[keyof typeof InstrumentId];

export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === "string" && (Object.values(InstrumentId) as string[]).includes(value);
}
