import { type Request, type Response, Router } from "express";
import { canAccess } from "../access/can-access.js";
import { HttpError } from "../http-error.js";
import { httpMessages } from "../messages.js";
import type { ResultsService } from "../results-service.js";
import { currentUser } from "../routes/current-user.js";
import { uploadPage } from "./upload-page.js";
import type { Uploads } from "./uploads.js";

type CsrfToken = (req: Request, res: Response) => string;

/**
 * GET /upload: the page for a leerteam (the schools of its scope) and a beheerder (every registered
 * school); anyone else gets 403. The page holds no data: the routes check scope per request.
 */
export function uploadPageRouter(csrfToken: CsrfToken, uploads: Uploads, results: ResultsService): Router {
  const router = Router();
  router.get("/upload", async (req, res) => {
    const user = currentUser(res);
    if (user === undefined) return res.redirect(303, `/login?next=${encodeURIComponent("/upload")}`);
    if (user.role !== "leerteam" && user.role !== "beheerder")
      throw new HttpError(403, "out-of-scope", httpMessages.outOfScope);
    const catalog = await results.catalog();
    const schools: { id: string; name: string }[] = [];
    for (const school of catalog.besturen.flatMap((b) => b.schools))
      if (await canAccess(user, { kind: "upload", school: school.id }, results)) schools.push(school);
    res
      .set("Cache-Control", "no-store")
      .type("html")
      .send(
        uploadPage({
          user,
          csrfToken: csrfToken(req, res),
          schools,
          instruments: await uploads.instruments(),
          maxBytes: uploads.maxBytes,
        }),
      );
  });
  return router;
}
