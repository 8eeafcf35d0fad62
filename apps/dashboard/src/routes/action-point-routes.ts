import { actionPointChangesSchema, knownConceptRefs, newActionPointSchema } from "@zaz/model";
import type { ActionPointTable } from "@zaz/store";
import { conceptName } from "@zaz/views";
import { z } from "zod";
import { HttpError } from "../http-error.js";
import { actionPointHttpMessages as msg } from "../messages.js";
import type { ResultsService } from "../results-service.js";
import { unknownParameter } from "./known-values.js";
import type { ApiRoute } from "./route-table.js";

function route<Q>(definition: ApiRoute<Q>): ApiRoute<unknown> {
  return definition as unknown as ApiRoute<unknown>;
}

const school = z.string().min(1).max(100);
/** a form sends text, a script may send a number */
const actionId = z.coerce.number().int().positive().max(1_000_000_000);
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

function tableOf(results: ResultsService): ActionPointTable {
  if (results.actions === undefined) throw new HttpError(404, "not-found", msg.unavailable);
  return results.actions;
}

/** The action point `id` when it is one of `school` (so the scope checked is the point's own), else 404. */
async function pointOf(results: ResultsService, schoolId: string, id: number) {
  const point = (await tableOf(results).list({ school: schoolId })).find((p) => p.id === id);
  return point === undefined ? undefined : point;
}

const whichPoint = z.object({ school, id: actionId }).strict();

/**
 * The action points (actiepunten) of a school: read by anyone who may see the school, written by
 * a directeur for their school(s) and a leerteam for the schools of their board (a docent's scope
 * holds no school). The POST routes take a form or JSON body and a CSRF token (api-router.ts).
 */
export const actionPointRoutes: readonly ApiRoute<unknown>[] = [
  route({
    id: "actiepunten",
    method: "GET",
    path: "/api/actiepunten",
    query: z.object({ school }).strict(),
    scope: (query) => ({ kind: "school", school: query.school }),
    unknown: async (query, results) =>
      unknownParameter("school", await results.filters({ school: query.school }), () => []),
    // with the conditions and forms to choose from, as the model names them (the dashboard's form)
    handle: async ({ results, query }) => ({
      actiepunten: await tableOf(results).list({ school: query.school }),
      onderwerpen: knownConceptRefs.map((id) => ({ id, name: conceptName(id) })),
    }),
  }),
  route({
    id: "actiepunt-add",
    method: "POST",
    path: "/api/actiepunten",
    query: newActionPointSchema,
    scope: (query) => ({ kind: "school", school: query.school }),
    // the wave it follows must exist for the school, and so must its groep; the effect wave lies ahead
    unknown: async (query, results) =>
      unknownParameter("school", await results.filters({ school: query.school }), (o) => [
        ["wave", query.wave, o.waves],
        ["groep", query.groep ?? undefined, o.groepen],
      ]),
    handle: ({ results, query, user }) => tableOf(results).add(query, user.username),
  }),
  route({
    id: "actiepunt-change",
    method: "POST",
    path: "/api/actiepunten/wijzig",
    query: z.object({ ...whichPoint.shape, ...actionPointChangesSchema.shape }).strict(),
    scope: (query) => ({ kind: "school", school: query.school }),
    unknown: async (query, results) =>
      unknownParameter("school", await results.filters({ school: query.school }), (o) => [
        ["groep", query.groep ?? undefined, o.groepen],
      ]),
    handle: async ({ results, query, user }) => {
      const { school: schoolId, id, ...changes } = query;
      if ((await pointOf(results, schoolId, id)) === undefined) return { notFound: msg.noSuchAction(id) };
      return tableOf(results).update(id, changes, user.username);
    },
  }),
  route({
    id: "actiepunt-done",
    method: "POST",
    path: "/api/actiepunten/gedaan",
    query: z.object({ ...whichPoint.shape, done: flag.default(true) }).strict(),
    scope: (query) => ({ kind: "school", school: query.school }),
    handle: async ({ results, query, user }) => {
      if ((await pointOf(results, query.school, query.id)) === undefined)
        return { notFound: msg.noSuchAction(query.id) };
      return tableOf(results).markDone(query.id, query.done, user.username);
    },
  }),
  route({
    id: "actiepunt-remove",
    method: "POST",
    path: "/api/actiepunten/verwijder",
    query: whichPoint,
    scope: (query) => ({ kind: "school", school: query.school }),
    handle: async ({ results, query, user }) => {
      if ((await pointOf(results, query.school, query.id)) === undefined)
        return { notFound: msg.noSuchAction(query.id) };
      return { removed: await tableOf(results).remove(query.id, user.username) };
    },
  }),
];
