import { isScopeId } from "@zaz/accounts";
import type { ViewPrinter } from "@zaz/views";
import { z } from "zod";
import type { ScopeTarget } from "../access/scope-target.js";
import type { ResultsService } from "../results-service.js";
import type { ReceivedFile } from "../upload/receive-file.js";
import type { Uploads } from "../upload/uploads.js";
import { publicUser, type User, type UserRepository } from "../users/user-repository.js";
import { actionPointRoutes } from "./action-point-routes.js";
import { catalogFor } from "./catalog-for.js";
import { filterValue, type UnknownValue, unknownParameter } from "./known-values.js";
import { pdfRoutes } from "./pdf-routes.js";
import { uploadRoutes } from "./upload-routes.js";

export interface RouteContext<Q> {
  query: Q;
  user: User;
  results: ResultsService;
  users: UserRepository;
  /** turns a view into a PDF: one shared Chromium with a limit on renders at once */
  printer: ViewPrinter;
  /** the upload page's import pipeline; absent when the dashboard runs without a store of its own */
  uploads?: Uploads;
  /** a file route's uploaded file (private temp file, removed after the request) */
  file?: ReceivedFile;
}

/**
 * One API route: how to read and validate its query, which scope the query asks for, and what
 * it answers. The router and the access-control test both iterate `apiRoutes`, so a route
 * cannot exist without a scope check nor escape the test.
 */
export interface ApiRoute<Q = unknown> {
  id: string;
  /** a POST route reads its input from the body (a form or JSON) and needs a CSRF token */
  method: "GET" | "POST";
  /**
   * "file": a POST whose body is an uploaded file; its query is read from the query string, and the
   * body is received (to a private temp file, with a size limit) only after the scope check.
   */
  body?: "file";
  /** the largest JSON body a POST route takes; 16 kB when left out */
  bodyLimit?: string;
  path: string;
  query: z.ZodType<Q>;
  scope: (query: Q) => ScopeTarget;
  /**
   * For a route that selects data: the name of a parameter whose value does not exist in the scope
   * (answered 404 before any view is computed), or undefined. Checked after the scope.
   */
  unknown?: (query: Q, results: ResultsService) => Promise<UnknownValue | undefined>;
  /** JSON-ready answer, a view served as kept (with its ETag), or undefined / not-found for 404 */
  handle: (context: RouteContext<Q>) => Promise<unknown>;
}

const id = z.string().refine(isScopeId);

function route<Q>(definition: ApiRoute<Q>): ApiRoute<unknown> {
  return definition as unknown as ApiRoute<unknown>;
}

const dataRoutes: readonly ApiRoute<unknown>[] = [
  route({
    id: "me",
    method: "GET",
    path: "/api/me",
    query: z.object({}),
    scope: () => ({ kind: "self" }),
    handle: async ({ user }) => publicUser(user),
  }),
  route({
    id: "catalog",
    method: "GET",
    path: "/api/catalog",
    query: z.object({}),
    scope: () => ({ kind: "self" }),
    handle: async ({ results, user }) => catalogFor(user, await results.catalog()),
  }),
  route({
    id: "users",
    method: "GET",
    path: "/api/users",
    query: z.object({}),
    scope: () => ({ kind: "admin" }),
    handle: async ({ users }) => (await users.list()).map(publicUser),
  }),
  route({
    id: "school-filters",
    method: "GET",
    path: "/api/filters/school",
    query: z.object({ school: id }),
    scope: (query) => ({ kind: "school", school: query.school }),
    handle: ({ results, query }) => results.filters({ school: query.school }),
  }),
  route({
    id: "bestuur-filters",
    method: "GET",
    path: "/api/filters/bestuur",
    query: z.object({ bestuur: id }),
    scope: (query) => ({ kind: "bestuur", bestuur: query.bestuur }),
    handle: ({ results, query }) => results.filters({ bestuur: query.bestuur }),
  }),
  route({
    id: "opleiding-filters",
    method: "GET",
    path: "/api/filters/opleiding",
    query: z.object({ opleiding: id }),
    scope: (query) => ({ kind: "opleiding", opleiding: query.opleiding }),
    handle: ({ results, query }) => results.filters({ opleiding: query.opleiding }),
  }),
  route({
    id: "class-overview",
    method: "GET",
    path: "/api/class-overview",
    query: z.object({ school: id, wave: filterValue }),
    scope: (query) => ({ kind: "school", school: query.school }),
    unknown: async (query, results) =>
      unknownParameter("school", await results.filters({ school: query.school }), (o) => [
        ["wave", query.wave, o.waves],
      ]),
    handle: ({ results, query, user }) =>
      results.view({ kind: "klassen", params: query }, { user: user.username }),
  }),
  route({
    id: "groep",
    method: "GET",
    path: "/api/groep",
    query: z.object({ school: id, wave: filterValue, groep: filterValue }),
    scope: (query) => ({ kind: "school", school: query.school }),
    unknown: async (query, results) =>
      unknownParameter("school", await results.filters({ school: query.school }), (o) => [
        ["wave", query.wave, o.waves],
        ["groep", query.groep, o.groepen],
      ]),
    handle: ({ results, query, user }) =>
      results.view({ kind: "groep", params: query }, { user: user.username }),
  }),
  route({
    id: "board",
    method: "GET",
    path: "/api/board",
    query: z.object({ bestuur: id }),
    scope: (query) => ({ kind: "bestuur", bestuur: query.bestuur }),
    unknown: async (query, results) =>
      unknownParameter("bestuur", await results.filters({ bestuur: query.bestuur }), () => []),
    handle: ({ results, query, user }) =>
      results.view({ kind: "scholen", params: query }, { user: user.username }),
  }),
  route({
    id: "leerlijn",
    method: "GET",
    path: "/api/leerlijn",
    query: z.object({
      opleiding: id,
      cohort: filterValue.optional(),
      fase: filterValue.optional(),
      gesprekssoort: filterValue.optional(),
    }),
    scope: (query) => ({ kind: "opleiding", opleiding: query.opleiding }),
    unknown: async (query, results) =>
      unknownParameter("opleiding", await results.filters({ opleiding: query.opleiding }), (o) => [
        ["cohort", query.cohort, o.cohorts],
        ["fase", query.fase, o.fasen],
        ["gesprekssoort", query.gesprekssoort, o.gesprekssoorten],
      ]),
    handle: ({ results, query, user }) => {
      const { opleiding, cohort, fase, gesprekssoort } = query;
      return results.view(
        {
          kind: "leerlijn",
          params: {
            opleiding,
            ...(cohort === undefined ? {} : { cohort }),
            ...(fase === undefined ? {} : { fase }),
            ...(gesprekssoort === undefined ? {} : { gesprekssoort }),
          },
        },
        { user: user.username },
      );
    },
  }),
];

/** Every route, with a PDF twin of each view route under the same checks (pdf-routes.ts). */
export const apiRoutes: readonly ApiRoute<unknown>[] = [
  ...dataRoutes,
  ...pdfRoutes(dataRoutes),
  ...actionPointRoutes,
  ...uploadRoutes,
];
