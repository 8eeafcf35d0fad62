import { isScopeId } from "@zaz/accounts";
import { z } from "zod";
import { HttpError } from "../http-error.js";
import { uploadMessages as msg } from "../messages.js";
import type { ResultsService } from "../results-service.js";
import type { ReceivedFile } from "../upload/receive-file.js";
import type { UploadChoice, Uploads } from "../upload/uploads.js";
import { filterValue, type UnknownValue } from "./known-values.js";
import type { ApiRoute, RouteContext } from "./route-table.js";

function route<Q>(definition: ApiRoute<Q>): ApiRoute<unknown> {
  return definition as unknown as ApiRoute<unknown>;
}

const school = z.string().refine(isScopeId);
const instrument = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
/** the upload's own file name, shown in the import list: printable, without a folder */
const fileName = filterValue.refine((name) => !/[\\/]/.test(name));
const choice = z
  .object({ school, instrument, naam: fileName, wave: filterValue.optional() })
  .strict()
  .transform(
    (q): UploadChoice => ({ school: q.school, instrument: q.instrument, wave: q.wave, name: q.naam }),
  );

/** Only registered schools: a beheerder may load data for any, but registers none here. */
async function unregistered(
  query: { school: string },
  results: ResultsService,
): Promise<UnknownValue | undefined> {
  const catalog = await results.catalog();
  const known = catalog.besturen.some((b) => b.schools.some((s) => s.id === query.school));
  return known ? undefined : { name: "school", value: query.school, available: [] };
}

function uploadsOf(context: Pick<RouteContext<unknown>, "uploads">): Uploads {
  if (context.uploads === undefined) throw new HttpError(404, "not-found", msg.unavailable);
  return context.uploads;
}

function fileOf(context: Pick<RouteContext<unknown>, "file">): ReceivedFile {
  if (context.file === undefined) throw new HttpError(400, "upload-empty", msg.uploadEmpty);
  return context.file;
}

const mappingColumn = z
  .object({
    index: z.number().int().min(0).max(10_000),
    header: z.string().max(2000),
    target: z.string().min(1).max(200),
  })
  .strict();

/**
 * The upload page's routes (leerteam within its scope, beheerder): the export is sent as the body
 * of each step (inspect, check, import) and removed after that request, so no file is ever kept.
 * Scope "upload" (can-access.ts) before the body is read; CSRF on every POST (api-router.ts).
 */
export const uploadRoutes: readonly ApiRoute<unknown>[] = [
  route({
    id: "upload-inspect",
    method: "POST",
    body: "file",
    path: "/api/upload/inspecteer",
    query: choice,
    scope: (query) => ({ kind: "upload", school: query.school }),
    unknown: unregistered,
    handle: (context) => uploadsOf(context).inspect(fileOf(context), context.query, context.user.username),
  }),
  route({
    id: "upload-mapping",
    method: "POST",
    path: "/api/upload/koppeling",
    // one entry per column of a wide export, each with its header text
    bodyLimit: "512kb",
    query: z.object({ school, instrument, columns: z.array(mappingColumn).min(1).max(2000) }).strict(),
    scope: (query) => ({ kind: "upload", school: query.school }),
    unknown: unregistered,
    handle: async (context) => {
      const { school: id, instrument: inst, columns } = context.query;
      return uploadsOf(context).saveMapping({ school: id, instrument: inst }, columns, context.user.username);
    },
  }),
  route({
    id: "upload-check",
    method: "POST",
    body: "file",
    path: "/api/upload/controleer",
    query: choice,
    scope: (query) => ({ kind: "upload", school: query.school }),
    unknown: unregistered,
    handle: (context) => uploadsOf(context).check(fileOf(context), context.query, context.user.username),
  }),
  route({
    id: "upload-import",
    method: "POST",
    body: "file",
    path: "/api/upload/importeer",
    query: choice,
    scope: (query) => ({ kind: "upload", school: query.school }),
    unknown: unregistered,
    handle: (context) => uploadsOf(context).import(fileOf(context), context.query, context.user.username),
  }),
  route({
    id: "upload-progress",
    method: "GET",
    path: "/api/upload/voortgang",
    query: z.object({}).strict(),
    // one's own running check or import, nothing of anyone else's
    scope: () => ({ kind: "self" }),
    handle: async ({ uploads, user }) => ({ running: uploads?.progress(user.username) ?? null }),
  }),
  route({
    id: "upload-imports",
    method: "GET",
    path: "/api/upload/imports",
    query: z.object({ school }).strict(),
    scope: (query) => ({ kind: "upload", school: query.school }),
    unknown: unregistered,
    handle: async (context) => ({
      imports: (await uploadsOf(context).imports(context.query.school)).map((r) => ({
        id: r.id,
        file: r.fileName,
        instrument: r.instrumentId,
        wave: r.context.wave ?? "",
        responses: r.responses,
        answers: r.answers,
        importedAt: r.importedAt,
      })),
    }),
  }),
  route({
    id: "upload-remove",
    method: "POST",
    path: "/api/upload/verwijder",
    query: z.object({ school, import: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    scope: (query) => ({ kind: "upload", school: query.school }),
    unknown: unregistered,
    handle: async (context) => {
      const removed = await uploadsOf(context).remove(context.query.school, context.query.import);
      return removed === undefined ? { notFound: msg.unknownImport } : { removed };
    },
  }),
];
