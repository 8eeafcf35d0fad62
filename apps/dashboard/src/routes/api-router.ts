import { PdfPrinter, type ViewPrinter } from "@zaz/views";
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import { canAccess } from "../access/can-access.js";
import { HttpError } from "../http-error.js";
import { httpMessages, uploadMessages } from "../messages.js";
import type { ResultsService } from "../results-service.js";
import { defaultRefusalPacing, type Pacing, UserPacer } from "../security/user-pacer.js";
import { type ReceivedFile, receiveFile } from "../upload/receive-file.js";
import type { Uploads } from "../upload/uploads.js";
import type { User, UserRepository } from "../users/user-repository.js";
import { currentUser } from "./current-user.js";
import { isPrintedView, serverPrinting } from "./pdf-routes.js";
import type { ApiRoute } from "./route-table.js";

export function isServedView(value: unknown): value is { body: string; etag: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { body?: unknown }).body === "string" &&
    typeof (value as { etag?: unknown }).etag === "string"
  );
}

const bodyParsers: RequestHandler[] = [
  express.json({ limit: "16kb" }),
  express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 20 }),
];

/** The same parsers with a larger limit, for a route that declares one (a column mapping). */
function parsersUpTo(limit: string): RequestHandler[] {
  return [express.json({ limit }), express.urlencoded({ extended: false, limit, parameterLimit: 20 })];
}

const requireLogin: RequestHandler = (_req, res, next) => {
  if (currentUser(res) === undefined) next(new HttpError(401, "not-logged-in", httpMessages.notLoggedIn));
  else next();
};

/** A POST's fields without its CSRF token; nothing when the body is not an object. */
function bodyFields(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const { _csrf: _token, ...fields } = body as Record<string, unknown>;
  return fields;
}

/** Refusals a client can provoke at will, and so must not get at the speed of the event loop. */
const paced = new Set([400, 403, 404, 429]);

/**
 * Mounts every route of the table behind the same four checks: logged in, valid query, in scope,
 * and (for routes that select data) values that exist. A user who keeps being refused is slowed
 * down (UserPacer, defaultRefusalPacing), so hammering cannot take the server from everyone else.
 */
export function apiRouter(
  routes: readonly ApiRoute[],
  results: ResultsService,
  users: UserRepository,
  pacing: Partial<Pacing> = {},
  printer: ViewPrinter = new PdfPrinter(serverPrinting),
  /** checks the CSRF token of a POST; without it no POST route is mounted */
  csrfProtection?: RequestHandler,
  /** the upload page's import pipeline; its routes answer 404 without it */
  uploads?: Uploads,
): Router {
  const router = Router();
  const pacer = new UserPacer({ ...defaultRefusalPacing, ...pacing });
  for (const route of routes) {
    const serve = async (req: Request, res: Response) => {
      const user = currentUser(res);
      if (user === undefined) throw new HttpError(401, "not-logged-in", httpMessages.notLoggedIn);
      // A user being paced waits for every request, so kept views mixed in do not get around it.
      let waited = false;
      if (pacer.inDebt(user.username)) {
        await pacer.pace(user.username);
        waited = true;
      }
      try {
        await answer(req, res, route, user);
      } catch (error) {
        if (!waited && error instanceof HttpError && paced.has(error.status)) await pacer.pace(user.username);
        throw error;
      }
    };
    if (route.method === "GET") router.get(route.path, serve);
    else if (csrfProtection !== undefined && route.body === "file")
      // the token from the header; the body (the file) is read by `answer`, after the scope check
      router.post(route.path, requireLogin, csrfProtection, serve);
    else if (csrfProtection !== undefined)
      // logged in first (401 before a CSRF refusal), then a small body, then the token
      router.post(
        route.path,
        requireLogin,
        ...(route.bodyLimit === undefined ? bodyParsers : parsersUpTo(route.bodyLimit)),
        csrfProtection,
        serve,
      );
  }
  router.use("/api", (_req, _res, next) => next(new HttpError(404, "not-found", httpMessages.notFound)));
  return router;

  async function answer(req: Request, res: Response, route: ApiRoute, user: User): Promise<void> {
    // Only the query string counts; repeated keys (arrays) are refused by the schema.
    const parsed = route.query.safeParse(
      route.method === "POST" && route.body !== "file"
        ? bodyFields(req.body)
        : { ...(req.query as Record<string, unknown>) },
    );
    if (!parsed.success) {
      const name = String(parsed.error.issues[0]?.path[0] ?? "");
      throw new HttpError(400, "invalid-parameter", httpMessages.invalidParameter(name));
    }
    const target = route.scope(parsed.data);
    if (!(await canAccess(user, target, results))) {
      const message = target.kind === "admin" ? httpMessages.adminOnly : httpMessages.outOfScope;
      throw new HttpError(403, "out-of-scope", message);
    }
    // After the scope check, so nobody learns what exists outside their scope.
    const unknown = await route.unknown?.(parsed.data, results);
    if (unknown !== undefined)
      throw new HttpError(
        404,
        "unknown-value",
        httpMessages.unknownValue(unknown.name, unknown.value, unknown.available),
      );
    // an upload is received only now, in scope, and removed after the answer whatever happens
    let file: ReceivedFile | undefined;
    if (route.body === "file") {
      if (uploads === undefined) throw new HttpError(404, "not-found", uploadMessages.unavailable);
      file = await receiveFile(req, uploads.maxBytes);
    }
    let body: unknown;
    try {
      body = await route.handle({
        query: parsed.data,
        user,
        results,
        users,
        printer,
        ...(uploads === undefined ? {} : { uploads }),
        ...(file === undefined ? {} : { file }),
      });
    } finally {
      await file?.remove();
    }
    if (body === undefined) throw new HttpError(404, "not-found", httpMessages.notFound);
    if (isServedView(body)) {
      // Serialised once per data version; a client that has it gets 304 and no body.
      res.set("Cache-Control", "private, no-cache").set("ETag", body.etag);
      if (req.headers["if-none-match"] === body.etag) {
        res.status(304).end();
        return;
      }
      res.type("application/json").send(body.body);
      return;
    }
    if (isPrintedView(body)) {
      res
        .set("Cache-Control", "private, no-store")
        .set("Content-Disposition", `attachment; filename="${body.filename}"`)
        .type("application/pdf")
        .send(Buffer.from(body.pdf));
      return;
    }
    if (typeof body === "object" && body !== null && "notFound" in body)
      throw new HttpError(404, "not-found", String((body as { notFound: unknown }).notFound));
    res.set("Cache-Control", "no-store").json(body);
  }
}
