import type { ConversationKind } from "./conversation-kind.js";

/**
 * The source document of the leerlijn, the observation forms and the work with opleidingsouders,
 * by its title: what user-facing text cites (a reader has the report, not this repository's files).
 */
export const leerlijnSource = "Leren samenwerken met ouders in een grootstedelijke omgeving";

/**
 * The frame of working with opleidingsouders (§4.1 "Kaders voor deelname"): "Er wordt een regulier
 * 10-minutengesprek gevoerd, er komen dus geen bijzondere problematiek of bijzonder omstandigheden
 * aan de orde." Of the five kinds of §3.3–3.7 only the kennismakings- and voortgangsgesprek are such
 * regular conversations; a problem-solving, bad-news or advice conversation is the special kind the
 * frame rules out, so feedback on one is refused at ingest.
 */
export const opleidingsoudersConversationKinds: readonly ConversationKind[] = ["kennismaking", "voortgang"];
