import type { User } from "../users/user-repository.js";
import { html } from "./html.js";
import { layout, type ViewName } from "./layout.js";
import { pageTexts } from "./page-texts.js";

/**
 * A view's shell: its heading, an empty filter form and regions the client fills from the API.
 * The status region is announced to screen readers while data loads or when something fails.
 */
export function viewPage(
  view: Exclude<ViewName, "login" | "error">,
  title: string,
  user: User,
  csrfToken: string,
): string {
  return layout({
    title,
    view,
    user,
    csrfToken,
    main: html`<h1 id="view-title">${title}</h1>
<noscript><p class="notice">${pageTexts.noScript}</p></noscript>
<form id="filters" class="filters" method="get" hidden></form>
<p id="status" class="status" role="status" aria-live="polite">${pageTexts.loading}</p>
<section id="facts" class="facts" hidden></section>
<div id="content" class="content"></div>`,
  });
}
