/**
 * The domains in which school and parents can work together (Epstein 2001), as the leerlijn names
 * them among the leerstof of component a (seed 003 §2.3): "in de domeinen: school, thuis en omgeving".
 */
export const EpsteinDomain = {
  school: "school",
  thuis: "thuis",
  omgeving: "omgeving",
} as const;

export type EpsteinDomain = (typeof EpsteinDomain)[keyof typeof EpsteinDomain];

export const epsteinDomainIds: readonly EpsteinDomain[] = Object.values(EpsteinDomain);

export function isEpsteinDomain(value: unknown): value is EpsteinDomain {
  return typeof value === "string" && (epsteinDomainIds as readonly string[]).includes(value);
}

export interface EpsteinDomainInfo {
  id: EpsteinDomain;
  name: string;
}

/** The seed names the three domains in one sentence and describes none of them apart. */
export const epsteinDomainSource =
  "De mogelijke samenwerkingsvormen (pedagogisch en educatief) tussen school en ouders in de domeinen: school, thuis en omgeving (vgl. Epstein, 2001).";

export const epsteinDomains: readonly EpsteinDomainInfo[] = [
  { id: "school", name: "School" },
  { id: "thuis", name: "Thuis" },
  { id: "omgeving", name: "Omgeving" },
];
