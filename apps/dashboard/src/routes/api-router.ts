import { Router } from "express";
import { canAccess } from "../access/can-access.js";
import { HttpError } from "../http-error.js";
import { httpMessages } from "../messages.js";
import type { ResultsService } from "../results-service.js";
import type { UserRepository } from "../users/user-repository.js";
import { currentUser } from "./current-user.js";
import type { ApiRoute } from "./route-table.js";

function isServedView(value: unknown): value is { body: string; etag: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { body?: unknown }).body === "string" &&
    typeof (value as { etag?: unknown }).etag === "string"
  );
}

/** Mounts every route of the table behind the same three checks: logged in, valid query, in scope. */
export function apiRouter(
  routes: readonly ApiRoute[],
  results: ResultsService,
  users: UserRepository,
): Router {
  const router = Router();
  for (const route of routes) {
    router.get(route.path, async (req, res) => {
      const user = currentUser(res);
      if (user === undefined) throw new HttpError(401, "not-logged-in", httpMessages.notLoggedIn);
      // Only the query string counts; repeated keys (arrays) are refused by the schema.
      const parsed = route.query.safeParse({ ...(req.query as Record<string, unknown>) });
      if (!parsed.success) {
        const name = String(parsed.error.issues[0]?.path[0] ?? "");
        throw new HttpError(400, "invalid-parameter", httpMessages.invalidParameter(name));
      }
      const target = route.scope(parsed.data);
      if (!(await canAccess(user, target, results))) {
        const message = target.kind === "admin" ? httpMessages.adminOnly : httpMessages.outOfScope;
        throw new HttpError(403, "out-of-scope", message);
      }
      const body = await route.handle({ query: parsed.data, user, results, users });
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
      if (typeof body === "object" && body !== null && "notFound" in body)
        throw new HttpError(404, "not-found", String((body as { notFound: unknown }).notFound));
      res.set("Cache-Control", "no-store").json(body);
    });
  }
  router.use("/api", (_req, _res, next) => next(new HttpError(404, "not-found", httpMessages.notFound)));
  return router;
}
