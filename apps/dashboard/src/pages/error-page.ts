import { html } from "./html.js";
import { layout } from "./layout.js";
import { pageTexts } from "./page-texts.js";

export function errorPage(message: string): string {
  return layout({
    title: pageTexts.errorTitle,
    view: "error",
    main: html`<h1>${pageTexts.errorTitle}</h1>
<p role="alert">${message}</p>
<p><a href="/">${pageTexts.backHome}</a></p>`,
  });
}
