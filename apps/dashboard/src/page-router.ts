import { type Request, type Response, Router } from "express";
import { pageTexts } from "./pages/page-texts.js";
import { viewPage } from "./pages/view-page.js";
import { currentUser } from "./routes/current-user.js";

type CsrfToken = (req: Request, res: Response) => string;

/**
 * The HTML shells. They hold no results (the API checks scope per request); a visitor who is not
 * logged in is sent to the login page and brought back afterwards.
 */
export function pageRouter(csrfToken: CsrfToken): Router {
  const router = Router();
  const pages: [string, "home" | "directeur" | "groep" | "leerteam" | "pabo", string][] = [
    ["/", "home", pageTexts.home],
    ["/directeur", "directeur", pageTexts.directeur],
    ["/directeur/groep", "groep", pageTexts.groep],
    ["/leerteam", "leerteam", pageTexts.leerteam],
    ["/pabo", "pabo", pageTexts.pabo],
  ];
  for (const [path, view, title] of pages) {
    router.get(path, (req, res) => {
      const user = currentUser(res);
      if (user === undefined) {
        const next = req.originalUrl.length <= 512 ? req.originalUrl : path;
        return res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
      }
      res
        .set("Cache-Control", "no-store")
        .type("html")
        .send(viewPage(view, title, user, csrfToken(req, res)));
    });
  }
  return router;
}
