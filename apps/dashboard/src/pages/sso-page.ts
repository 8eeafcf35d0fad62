import { ssoMessages } from "../messages.js";
import { html } from "./html.js";
import { layout } from "./layout.js";

/** Why a login through a school account gave no session: one sentence, and the way back. */
export function ssoRefusedPage(input: { title: string; message: string; detail?: string }): string {
  return layout({
    title: input.title,
    view: "login",
    main: html`<h1>${input.title}</h1>
<p class="error" role="alert">${input.message}</p>
${input.detail === undefined ? "" : html`<p>${input.detail}</p>`}
<p><a href="/login">${ssoMessages.tryAgain}</a></p>`,
  });
}

/** After the local logout of a school account: on to the provider's logout (an absolute URL). */
export function ssoLogoutPage(providerLogout: string): string {
  return layout({
    title: ssoMessages.loggedOutTitle,
    view: "login",
    refreshTo: providerLogout,
    main: html`<h1>${ssoMessages.loggedOutTitle}</h1>
<p>${ssoMessages.loggedOutHere}</p>
<p><a href="${providerLogout}">${ssoMessages.logoutAtProvider}</a></p>`,
  });
}

/** After a login through a school account: on to `next` from a page of our own (see LayoutInput.refreshTo). */
export function ssoContinuePage(next: string): string {
  return layout({
    title: ssoMessages.continueTitle,
    view: "login",
    refreshTo: next,
    main: html`<h1>${ssoMessages.continueTitle}</h1>
<p><a href="${next}">${ssoMessages.continue}</a></p>`,
  });
}
