import type { LeerstofOnderdeel } from "./leerlijn.js";

/**
 * The profieleisen startbekwaam (seed 003 §2.4): what a starting teacher masters in working with
 * parents, in three groups a/b/c. Ids are the group letter and the position in the seed's list,
 * so they stay stable as long as the seed does.
 */
export const profieleisIds = [
  "a1",
  "a2",
  "a3",
  "a4",
  "a5",
  "b1",
  "b2",
  "b3",
  "b4",
  "b5",
  "b6",
  "b7",
  "b8",
  "b9",
  "b10",
  "b11",
  "c1",
  "c2",
  "c3",
  "c4",
  "c5",
  "c6",
  "c7",
] as const;

export type ProfieleisId = (typeof profieleisIds)[number];

export function isProfieleisId(value: unknown): value is ProfieleisId {
  return typeof value === "string" && (profieleisIds as readonly string[]).includes(value);
}

export interface ProfieleisGroupInfo {
  id: LeerstofOnderdeel;
  /** the seed's lead-in line of the group */
  lead: string;
}

export const profieleisGroups: readonly ProfieleisGroupInfo[] = [
  { id: "a", lead: "Het opdoen van theoretische kennis:" },
  { id: "b", lead: "Het toepassen van praktische kennis en gespreksvaardigheden:" },
  { id: "c", lead: "Ten aanzien van reflectie op eigen handelen naar ouders:" },
];

export interface Profieleis {
  id: ProfieleisId;
  group: LeerstofOnderdeel;
  /** the seed's bullet; it continues the group's lead-in line */
  text: string;
}

/**
 * The extraction splits the list over two columns (group a ends one column, b and c start the
 * other); the order here is the seed's reading order.
 */
export const profieleisen: readonly Profieleis[] = [
  {
    id: "a1",
    group: "a",
    text: "over educatief partnerschap, ouderbetrokkenheid, ouderparticipatie en samenwerking met ouders.",
  },
  {
    id: "a2",
    group: "a",
    text: "over de effecten van bovenstaande begrippen op de ontwikkeling van kinderen.",
  },
  {
    id: "a3",
    group: "a",
    text: "over factoren die een rol spelen bij de ontwikkeling van kinderen en de betrokkenheid van ouders bij school.",
  },
  {
    id: "a4",
    group: "a",
    text: "over actueel onderzoek m.b.t. de samenwerking met ouders en ouderbetrokkenheid.",
  },
  { id: "a5", group: "a", text: "om communicatieprocessen met ouders bespreekbaar te maken." },
  {
    id: "b1",
    group: "b",
    text: "om een analyse te maken van de ouderpopulatie op school en van de klas (dit staat in relatie tot de hiervoor genoemde factoren die een rol spelen bij de ontwikkeling van kinderen en de betrokkenheid van ouders bij school).",
  },
  { id: "b2", group: "b", text: "om met ouders aan een pedagogische en didactische samenwerking te werken." },
  { id: "b3", group: "b", text: "om proactief te handelen in het contact met ouders." },
  { id: "b4", group: "b", text: "om gesprekstechnieken in oudergesprekken toe te passen." },
  {
    id: "b5",
    group: "b",
    text: "om in alle professionele gesprekken op een basisschool samen te werken met ouders.",
  },
  {
    id: "b6",
    group: "b",
    text: "om op open wijze met ouders te communiceren, daarbij rekening houdend met en begrip tonend voor ieders sociaal culturele bagage en ieders achtergrond.",
  },
  {
    id: "b7",
    group: "b",
    text: "om in moeilijke situaties gesprekken te kunnen voeren met ouders, daarbij rekening houdend met horizontale en verticale loyaliteit.",
  },
  { id: "b8", group: "b", text: "om juist te kunnen handelen in moeilijke situaties met ouders." },
  {
    id: "b9",
    group: "b",
    text: "om adequaat (snel, alert, met respect, open en constructief) te reageren op vragen en opmerkingen van ouders.",
  },
  { id: "b10", group: "b", text: "om multiperspectiviteit te kunnen toepassen." },
  { id: "b11", group: "b", text: "om ouders te betrekken bij de school." },
  {
    id: "c1",
    group: "c",
    text: "zich bewust zijn en zich bewust worden van belemmerende (zoals eigen vooroordelen) en bevorderende factoren.",
  },
  { id: "c2", group: "c", text: "een open opstelling hebben." },
  { id: "c3", group: "c", text: "laagdrempelig zijn." },
  { id: "c4", group: "c", text: "respect tonen." },
  { id: "c5", group: "c", text: "zich bewust zijn van multiperspectiviteit." },
  {
    id: "c6",
    group: "c",
    text: "belangstelling hebben voor ouders / achtergronden / gezinssituatie van kinderen.",
  },
  { id: "c7", group: "c", text: "beschikken over culturele sensibiliteit." },
];

const byId = new Map<string, Profieleis>(profieleisen.map((p) => [p.id, p]));

/** The profieleis with this id, or undefined. */
export function findProfieleis(id: string): Profieleis | undefined {
  return byId.get(id);
}
