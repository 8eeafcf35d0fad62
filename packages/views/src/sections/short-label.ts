import type { ConstructInfo } from "@zaz/survey";

// Column heads that keep a groep × construct table within 80 characters; the legend names them in full.
const known: Record<string, string> = {
  positieve_houding: "Houding",
  heldere_communicatie: "Verwacht",
  gerichte_verzoeken: "Verzoek",
  informatie_feedback: "Info",
  uitnodigend_klimaat: "Klimaat",
  positieve_feedback: "Waardering",
  pedagogisch: "Pedag.",
  didactisch: "Didact.",
  formeel: "Formeel",
  maatschappelijk: "Maatsch.",
};

export function shortLabel(construct: ConstructInfo): string {
  const id = construct.concept?.split(":")[1] ?? construct.id;
  return known[id] ?? construct.name.split(/\s+/)[0]?.slice(0, 9) ?? construct.id;
}
