import {
  type ActionPoint,
  bakkerConditions,
  compareWaveCodes,
  parseConceptRef,
  partnershipForms,
} from "@zaz/model";
import type { WaveComparison } from "@zaz/survey";
import { changeCell, hiddenCell } from "../cells.js";
import { waveLabel } from "../data/names.js";
import { viewMessages as msg } from "../messages.js";
import type { CellValue, Section } from "../view.js";

/** The name of a Bakker condition or partnership form, as the model words it. */
export function conceptName(concept: string): string {
  const ref = parseConceptRef(concept);
  if (ref === undefined) return concept;
  const list = ref.framework === "bakker" ? bakkerConditions : partnershipForms;
  return list.find((c) => c.id === ref.id)?.name ?? concept;
}

/** The action points a view of `wave` can follow up: those made in it or before it. */
export function actionPointsUpTo(points: readonly ActionPoint[], wave: string): ActionPoint[] {
  return points.filter((p) => compareWaveCodes(p.wave, wave) <= 0);
}

/**
 * The change of an action point's condition or form for its school or groep: the cell the view's
 * own wave comparison holds (so suppressed there, suppressed here), or why there is none.
 */
function followUp(
  point: ActionPoint,
  wave: string,
  change: WaveComparison | undefined,
  k: number,
): CellValue {
  if (point.wave === wave || change === undefined) return msg.actionNoNextWave;
  const construct = change.constructs.find((c) => c.concept === point.concept);
  if (construct === undefined) return msg.actionNotComparable;
  const group =
    point.groep === null
      ? change.total
      : change.groups.find((g) => g.key.find((l) => l.dimension === "groep")?.code === point.groep);
  const cell = group?.constructs[construct.id];
  if (cell?.status !== "shown") return hiddenCell(cell, k);
  const shown = changeCell(cell.value.change, cell.n, cell.value.ci, { interval: "text" });
  return { ...shown, text: msg.actionChange(shown.text, cell.n) };
}

/**
 * The summary's lines on action points: one per point (the first few), what it is about, whether it
 * was done and its follow-up — the same cell the section below shows, so nothing new is told.
 */
export function actionSummaryLines(
  points: readonly ActionPoint[],
  wave: string,
  change: WaveComparison | undefined,
  groepLabel: (code: string) => string,
  k: number,
): { onderwerp: string; uitkomst: string }[] {
  const shown = points.slice(0, 5).map((p) => {
    const follow = followUp(p, wave, change, k);
    const text = typeof follow === "object" && follow !== null ? follow.text : String(follow ?? "");
    return {
      onderwerp: msg.actionSummaryTopic(p.id),
      uitkomst: msg.actionSummaryLine(
        conceptName(p.concept),
        p.groep === null ? msg.actionWholeSchool : groepLabel(p.groep),
        p.done,
        text,
      ),
    };
  });
  if (points.length > shown.length)
    shown.push({
      onderwerp: msg.actionSummaryMoreTopic,
      uitkomst: msg.actionSummaryMore(points.length - shown.length),
    });
  return shown;
}

/**
 * "Actiepunten en opvolging": what the school decided after a wave, and at the next wave the change
 * of the condition or form each point is about, with its interval and n, beside whether it was done.
 */
export function actionSection(
  points: readonly ActionPoint[],
  wave: string,
  change: WaveComparison | undefined,
  groepLabel: (code: string) => string,
  k: number,
): Section {
  const rows = points.map((p) => ({
    nr: p.id,
    onderwerp: conceptName(p.concept),
    groep: p.groep === null ? msg.actionWholeSchool : groepLabel(p.groep),
    actie: p.description,
    wie: p.wie,
    meting: waveLabel(p.wave).name,
    effect: waveLabel(p.effectWave).name,
    gedaan: p.done ? msg.actionDone : msg.actionNotDone,
    verandering: followUp(p, wave, change, k),
  }));
  return {
    id: "actiepunten",
    heading: "Actiepunten en opvolging",
    intro:
      change === undefined
        ? "De actiepunten van de school. De verandering van hun voorwaarde of vorm van partnerschap volgt bij de volgende meting."
        : `De actiepunten van de school, met de verandering van hun voorwaarde of vorm van partnerschap tussen ${waveLabel(change.previous.code).name} en ${waveLabel(change.current.code).name} (nu − vorige) voor de school of de groep.`,
    tables: [
      {
        id: "actiepunten-opvolging",
        caption: "Actiepunten en opvolging",
        columns: [
          { key: "nr", title: "nr", align: "right" },
          { key: "onderwerp", title: "voorwaarde of vorm", wrap: true },
          { key: "groep", title: "groep" },
          { key: "actie", title: "actiepunt", wrap: true },
          { key: "wie", title: "wie", wrap: true },
          { key: "meting", title: "meting" },
          { key: "effect", title: "effect in" },
          { key: "gedaan", title: "gedaan" },
          { key: "verandering", title: "verandering [95%-int.], n", align: "right" },
        ],
        rows,
        notes: [
          "Verandering: verschil in gemiddelde, nu − vorige meting, met 95%-interval (Welch) en het aantal respondenten van de huidige meting.",
          msg.legendHidden(k),
        ],
      },
    ],
    charts: [],
  };
}
