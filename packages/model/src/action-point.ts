import { z } from "zod";
import { parseConceptRef } from "./concept.js";
import { actionPointMessages as msg } from "./messages.js";
import { compareWaveCodes, waveTime } from "./wave-order.js";

/**
 * An actiepunt: what a school (or one of its groepen) decided to do about one Bakker condition or
 * partnership form after reading a wave's results, and in which later wave the effect should show.
 * The concept, not an instrument's construct id, is what it is tied to, so the follow-up finds the
 * construct in whichever version of the instrument the next wave used.
 */
export interface ActionPoint {
  readonly id: number;
  /** registry id of the school */
  readonly school: string;
  /** a groep of the school, or null for the whole school */
  readonly groep: string | null;
  /** "bakker:heldere_communicatie", "partnerschap:formeel" … */
  readonly concept: string;
  readonly description: string;
  /** who does it (a name or a role, free text) */
  readonly wie: string;
  /** the wave whose results led to it */
  readonly wave: string;
  /** the wave in which the effect should show */
  readonly effectWave: string;
  readonly done: boolean;
  /** ISO 8601, UTC */
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
}

const text = (max: number) => z.string().trim().min(1, msg.empty).max(max, msg.tooLong(max));
const wave = text(40).refine((w) => waveTime(w) !== null, { error: (i) => msg.wave(String(i.input)) });

/** What a person gives for a new action point (the dashboard's form, `zaz actie add`). */
export const newActionPointSchema = z
  .object({
    school: text(100),
    groep: text(40).nullable().default(null),
    concept: text(80).refine((c) => parseConceptRef(c) !== undefined, {
      error: (i) => msg.concept(String(i.input)),
    }),
    description: text(2000),
    wie: text(200),
    wave,
    effectWave: wave,
  })
  .strict()
  .refine((a) => compareWaveCodes(a.effectWave, a.wave) > 0, {
    error: msg.effectBeforeWave,
    path: ["effectWave"],
  });

export type NewActionPoint = z.output<typeof newActionPointSchema>;

/** The fields an edit may change; the school, wave and creator stay. */
export const actionPointChangesSchema = z
  .object({
    groep: text(40).nullable().optional(),
    concept: text(80)
      .refine((c) => parseConceptRef(c) !== undefined, { error: (i) => msg.concept(String(i.input)) })
      .optional(),
    description: text(2000).optional(),
    wie: text(200).optional(),
    effectWave: wave.optional(),
  })
  .strict();

export type ActionPointChanges = z.output<typeof actionPointChangesSchema>;

/** What the audit trail records of a change. */
export const ActionPointChange = {
  added: "added",
  updated: "updated",
  done: "done",
  undone: "undone",
  removed: "removed",
} as const;

export type ActionPointChange = (typeof ActionPointChange)[keyof typeof ActionPointChange];

const changes: readonly string[] = Object.values(ActionPointChange);

export function isActionPointChange(value: unknown): value is ActionPointChange {
  return typeof value === "string" && changes.includes(value);
}

/** One line of the append-only audit trail: who changed which action point how, when. */
export interface ActionPointEvent {
  readonly actionId: number;
  /** ISO 8601, UTC */
  readonly at: string;
  readonly by: string;
  readonly change: ActionPointChange;
  /** the fields as they were set by this change (JSON text) */
  readonly detail: string;
}
