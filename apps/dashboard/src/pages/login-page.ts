import { ssoMessages } from "../messages.js";
import { html, type SafeHtml } from "./html.js";
import { layout } from "./layout.js";
import { pageTexts } from "./page-texts.js";

export interface LoginPageInput {
  csrfToken: string;
  /** where to go after logging in (a local path) */
  next?: string;
  /** an error (role=alert) or a notice to show above the form */
  error?: string;
  notice?: string;
  username?: string;
  /** single sign-on providers, offered above the local form */
  sso?: readonly { id: string; label: string }[];
}

function ssoSection(input: LoginPageInput): SafeHtml | "" {
  const providers = input.sso ?? [];
  if (providers.length === 0) return "";
  const query = input.next === undefined ? "" : `?next=${encodeURIComponent(input.next)}`;
  const link = (provider: { id: string }, text: string) =>
    html`<a class="sso-button" href="/login/sso/${provider.id}${query}">${text}</a>`;
  // One provider: its button says it all. Several: a heading, and a button per provider's name.
  if (providers.length === 1) {
    return html`<section class="sso-login">
  <p>${link(providers[0]!, ssoMessages.button(undefined))}</p>
  <p>${ssoMessages.orLocal}</p>
</section>`;
  }
  return html`<section class="sso-login" aria-labelledby="sso-heading">
  <h2 id="sso-heading">${ssoMessages.heading}</h2>
  <ul class="sso-providers">${providers.map((provider) => html`<li>${link(provider, ssoMessages.button(provider.label))}</li>`)}</ul>
  <p>${ssoMessages.orLocal}</p>
</section>`;
}

export function loginPage(input: LoginPageInput): string {
  return layout({
    title: pageTexts.loginTitle,
    view: "login",
    main: html`<h1>${pageTexts.loginTitle}</h1>
${input.error === undefined ? "" : html`<p class="error" role="alert" id="login-error">${input.error}</p>`}
${input.notice === undefined ? "" : html`<p class="notice" role="status">${input.notice}</p>`}
${ssoSection(input)}
<form method="post" action="/login" class="login-form"${input.error === undefined ? "" : html` aria-describedby="login-error"`}>
  <input type="hidden" name="_csrf" value="${input.csrfToken}">
  ${input.next === undefined ? "" : html`<input type="hidden" name="next" value="${input.next}">`}
  <p><label for="username">${pageTexts.username}</label>
  <input id="username" name="username" type="text" autocomplete="username" required maxlength="128" value="${input.username ?? ""}"></p>
  <p><label for="password">${pageTexts.password}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required minlength="12" maxlength="256"></p>
  <p><button type="submit">${pageTexts.loginButton}</button></p>
</form>`,
  });
}
