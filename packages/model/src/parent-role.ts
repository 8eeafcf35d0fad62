/**
 * The three roles of a parent towards the school (De Vries 2019, seed 002, "Drie rollen van de ouder").
 * The first two are felt by teachers as supportive; the pleitbezorger can be harder, and the seed asks
 * teachers to value that role rather than resist it.
 */
export const ParentRole = {
  coach: "coach",
  supporter: "supporter",
  pleitbezorger: "pleitbezorger",
} as const;

export type ParentRole = (typeof ParentRole)[keyof typeof ParentRole];

export function isParentRole(value: unknown): value is ParentRole {
  return typeof value === "string" && (Object.values(ParentRole) as string[]).includes(value);
}

export interface ParentRoleInfo {
  id: ParentRole;
  number: 1 | 2 | 3;
  /** as the seed lists it */
  name: string;
  /** the seed's description */
  description: string;
}

export const parentRoles: readonly ParentRoleInfo[] = [
  {
    id: "coach",
    number: 1,
    name: "De ouder als coach",
    description:
      "De ouder als coach beweegt zijn kind om zich positief op te stellen in de klas, stuurt zijn kind bij als het de neiging heeft om te pesten, en stimuleert en helpt zijn kind bij het voorbereiden van een spreekbeurt.",
  },
  {
    id: "supporter",
    number: 2,
    name: "De ouder als supporter",
    description:
      "De ouder als supporter is ook fijn: de ouder moedigt niet alleen zijn eigen kind aan, maar ook de groep, de leerkracht en de school.",
  },
  {
    id: "pleitbezorger",
    number: 3,
    name: "De ouder als pleitbezorger",
    description:
      "Pleiten voor je kind betekent dat je als ouder opkomt voor je kind, niet zomaar meegaat met de adviezen van de school, maar goed onderzoekt of je kind recht wordt gedaan.",
  },
];
