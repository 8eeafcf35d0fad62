/**
 * Onderwijsondersteunend gedrag of parents: behaviour at home that supports school success.
 * Seed 000 (Pameijer, HGW) describes it in four aspects; seed 001 (Pameijer, Kwaliteitskaart)
 * spells it out as seven concrete behaviours. Both lists are kept, each in its seed's words.
 */
export const OnderwijsondersteunendAspect = {
  betrokkenheid: "betrokkenheid",
  stimuleren: "stimuleren",
  toezicht: "toezicht",
  verwachtingen: "verwachtingen",
} as const;

export type OnderwijsondersteunendAspect =
  (typeof OnderwijsondersteunendAspect)[keyof typeof OnderwijsondersteunendAspect];

export function isOnderwijsondersteunendAspect(value: unknown): value is OnderwijsondersteunendAspect {
  return (
    typeof value === "string" && (Object.values(OnderwijsondersteunendAspect) as string[]).includes(value)
  );
}

export interface OnderwijsondersteunendAspectInfo {
  id: OnderwijsondersteunendAspect;
  number: 1 | 2 | 3 | 4;
  /** the aspect's opening words in the seed */
  name: string;
  /** the seed's whole paragraph, line-break hyphenation removed */
  description: string;
}

export const onderwijsondersteunendAspecten: readonly OnderwijsondersteunendAspectInfo[] = [
  {
    id: "betrokkenheid",
    number: 1,
    name: "Ouders zijn betrokken bij het onderwijs aan hun kind.",
    description:
      "Ouders zijn betrokken bij het onderwijs aan hun kind. Ze tonen interesse voor diens schoolwerk, vragen hoe het op school ging en wat het kind die dag geleerd heeft. Zo merken kinderen dat school belangrijk is en dit motiveert hen enorm.",
  },
  {
    id: "stimuleren",
    number: 2,
    name: "Ouders stimuleren het schools leren, spelenderwijs, thuis.",
    description:
      "Ouders stimuleren het schools leren, spelenderwijs, thuis. Ze lezen voor of lezen samen, regelen luisterboeken, doen rekenspellen en oefenen met boodschappen betalen of zakgeld uitrekenen. Kinderen leren hier veel van en ervaren hoe zinvol lezen en rekenen zijn.",
  },
  {
    id: "toezicht",
    number: 3,
    name: "Toezicht",
    description:
      "Toezicht, bijvoorbeeld bij buitenspelen, tv kijken en computergebruik. En – vanzelfsprekend – zorgen dat kinderen gezond eten en uitgerust en op tijd op school zijn.",
  },
  {
    id: "verwachtingen",
    number: 4,
    name: "Hoge realistische verwachtingen van ouders.",
    description:
      "Hoge realistische verwachtingen van ouders. Te hoge verwachtingen of een kind onder druk zetten leiden tot spanning. Dit heeft een averechts effect. Te lage verwachtingen kunnen schoolsucces eveneens belemmeren.",
  },
];

export const OnderwijsondersteunendGedraging = {
  uitgerust: "uitgerust",
  interesse: "interesse",
  stimuleren: "stimuleren",
  toezicht: "toezicht",
  verwachtingen: "verwachtingen",
  achterLeraar: "achter_leraar",
  waardering: "waardering",
} as const;

export type OnderwijsondersteunendGedraging =
  (typeof OnderwijsondersteunendGedraging)[keyof typeof OnderwijsondersteunendGedraging];

export function isOnderwijsondersteunendGedraging(value: unknown): value is OnderwijsondersteunendGedraging {
  return (
    typeof value === "string" && (Object.values(OnderwijsondersteunendGedraging) as string[]).includes(value)
  );
}

export interface OnderwijsondersteunendGedragingInfo {
  id: OnderwijsondersteunendGedraging;
  /** the seed's bullet (its first sentence) */
  text: string;
  /** the aspect of seed 000 it makes concrete, where one fits */
  aspect?: OnderwijsondersteunendAspect;
}

export const onderwijsondersteunendGedragingen: readonly OnderwijsondersteunendGedragingInfo[] = [
  {
    id: "uitgerust",
    text: "Ze zorgen ervoor dat hun kind uitgerust is, ontbeten heeft en op tijd op school is.",
    aspect: "toezicht",
  },
  {
    id: "interesse",
    text: "Ze tonen interesse voor schoolwerk, toetsen en cijfers en motiveren hun kind om hard te werken.",
    aspect: "betrokkenheid",
  },
  {
    id: "stimuleren",
    text: "Ze stimuleren het schoolse leren thuis (spelenderwijs) door samen te lezen of voor te lezen en rekenspellen te doen.",
    aspect: "stimuleren",
  },
  {
    id: "toezicht",
    text: "Ze houden toezicht en begrenzen gamen, televisiekijken en alcoholgebruik.",
    aspect: "toezicht",
  },
  {
    id: "verwachtingen",
    text: "Ze hebben hoge maar realistische verwachtingen voor het leren en gedrag.",
    aspect: "verwachtingen",
  },
  {
    id: "achter_leraar",
    text: "Zij laten hun kind weten dat ze achter de aanpak van de leraar staan.",
  },
  {
    id: "waardering",
    text: "Ze spreken waardering uit voor de leraar en geven die zo nu en dan een welgemeend compliment voor diens inzet voor hun kind.",
  },
];
