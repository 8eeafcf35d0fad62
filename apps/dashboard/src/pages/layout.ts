import { isSsoPasswordHash } from "@zaz/accounts";
import type { User } from "../users/user-repository.js";
import { html, type SafeHtml } from "./html.js";
import { pageTexts } from "./page-texts.js";

/** Which client view a page runs; the body's data-view tells /static/js/app.js. */
export type ViewName =
  | "home"
  | "directeur"
  | "groep"
  | "leerteam"
  | "pabo"
  | "upload"
  | "login"
  | "wachtwoord"
  | "error";

export interface LayoutInput {
  title: string;
  view: ViewName;
  user?: User;
  csrfToken?: string;
  main: SafeHtml;
  /**
   * Where the browser goes on to at once (meta refresh): a local path, or the provider's logout. After single sign-on the session
   * cookie (SameSite=Strict) is not sent on a redirect that the provider's site started; a
   * navigation from this page of our own is same-site, so the next page sees the login.
   */
  refreshTo?: string;
}

const vendorScripts = ["/vendor/vega.min.js", "/vendor/vega-lite.min.js", "/vendor/vega-embed.min.js"];

function navigation(user: User, csrfToken: string | undefined): SafeHtml {
  const links: [string, string][] = [["/", pageTexts.home]];
  const admin = user.role === "beheerder";
  if (admin || (user.scopes.schools ?? []).length > 0 || user.scopes.bestuur !== undefined) {
    links.push(["/directeur", pageTexts.directeur]);
  }
  if (admin || user.scopes.bestuur !== undefined) links.push(["/leerteam", pageTexts.leerteam]);
  if (admin || user.scopes.opleiding !== undefined) links.push(["/pabo", pageTexts.pabo]);
  // data are loaded by the leerteam and the beheerder (the upload page, upload-page-router.ts)
  if (admin || user.role === "leerteam") links.push(["/upload", pageTexts.upload]);
  return html`<nav class="site-nav" aria-label="${pageTexts.mainNav}">
      <ul>${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
    </nav>
    <div class="account">
      <span>${pageTexts.loggedInAs(user.displayName ?? user.username, user.role)}</span>
      ${isSsoPasswordHash(user.passwordHash) ? "" : html`<a href="/wachtwoord">${pageTexts.passwordLink}</a>`}
      <form method="post" action="/logout">
        <input type="hidden" name="_csrf" value="${csrfToken ?? ""}">
        <button type="submit">${pageTexts.logout}</button>
      </form>
    </div>`;
}

/**
 * The page shell: landmarks, skip link, one stylesheet and external scripts only (the CSP
 * forbids inline script and style). Charts are drawn by the client from the JSON API.
 */
export function layout(input: LayoutInput): string {
  const withCharts = input.view !== "login" && input.view !== "wachtwoord" && input.view !== "error";
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${pageTexts.appName}</title>
${
  input.refreshTo === undefined
    ? ""
    : html`<meta http-equiv="refresh" content="0;url=${input.refreshTo}">
`
}<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/app.css">
${withCharts ? vendorScripts.map((src) => html`<script src="${src}" defer></script>\n`) : ""}
<script type="module" src="/static/js/app.js"></script>
</head>
<body data-view="${input.view}">
<a class="skip-link" href="#main">${pageTexts.skipLink}</a>
<header class="site-header">
  <p class="brand"><a href="/">${pageTexts.appName}</a> <span>${pageTexts.tagline}</span></p>
  ${input.user === undefined ? "" : navigation(input.user, input.csrfToken)}
</header>
<main id="main" tabindex="-1">
${input.main}
</main>
<footer class="site-footer"><p>${pageTexts.footer}</p></footer>
</body>
</html>
`.value;
}
