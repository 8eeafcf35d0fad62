import type { Labeled } from "@zaz/views";

export interface FixtureSchool extends Labeled {
  groepen: Labeled[];
}

/** The names and texts a fake service draws its aggregates over; tests put payloads in them. */
export interface DemoFixture {
  besturen: (Labeled & { schools: FixtureSchool[] })[];
  /** oldest first */
  waves: Labeled[];
  opleidingen: Labeled[];
  cohorts: Labeled[];
  /** Likert items of the ouderpopulatie survey */
  items: Labeled[];
  freeTextQuestion: string;
  freeTextAnswers: string[];
}

const groepen = (count: number): Labeled[] =>
  Array.from({ length: count }, (_, index) => ({ id: `groep-${index + 1}`, name: `Groep ${index + 1}` }));

/** Two boards, three schools, four waves, one opleiding: enough for every view and the access matrix. */
export function demoFixture(): DemoFixture {
  return {
    besturen: [
      {
        id: "asko",
        name: "ASKO",
        schools: [
          { id: "de-regenboog", name: "De Regenboog", groepen: groepen(8) },
          { id: "het-kompas", name: "Het Kompas", groepen: groepen(6) },
        ],
      },
      {
        id: "staij",
        name: "STAIJ",
        schools: [{ id: "de-vlinder", name: "De Vlinder", groepen: groepen(4) }],
      },
    ],
    waves: [
      { id: "2023-najaar", name: "najaar 2023" },
      { id: "2024-voorjaar", name: "voorjaar 2024" },
      { id: "2024-najaar", name: "najaar 2024" },
      { id: "2025-voorjaar", name: "voorjaar 2025" },
    ],
    opleidingen: [
      { id: "pabo-hva", name: "Pabo HvA" },
      { id: "pabo-ipabo", name: "iPabo" },
    ],
    cohorts: [
      { id: "2022", name: "cohort 2022" },
      { id: "2023", name: "cohort 2023" },
      { id: "2024", name: "cohort 2024" },
    ],
    items: [
      { id: "welkom", name: "Ik voel me welkom op school." },
      { id: "verwachtingen", name: "De leerkracht vertelt duidelijk wat hij of zij van ouders verwacht." },
      { id: "tips", name: "Ik krijg praktische tips om mijn kind thuis te helpen." },
      { id: "voortgang", name: "Ik hoor regelmatig hoe mijn kind vooruitgaat." },
      { id: "alle-ouders", name: "De school betrekt alle ouders, ook ouders die weinig Nederlands spreken." },
    ],
    freeTextQuestion: "Wat kan de school doen om de samenwerking met u te verbeteren?",
    freeTextAnswers: [
      "Vaker een kort gesprekje bij het ophalen.",
      "De nieuwsbrief is fijn, maar graag ook in het Engels.",
      "Meer uitleg over hoe rekenen nu wordt aangeleerd.",
      "Ik zou graag eens meekijken in de klas.",
    ],
  };
}
