import type { User } from "../users/user-repository.js";
import { html } from "./html.js";
import { layout } from "./layout.js";
import { pageTexts } from "./page-texts.js";

export interface PasswordPageInput {
  user: User;
  csrfToken: string;
  /** what is wrong (role=alert), one line each */
  errors?: readonly string[];
  /** the change succeeded */
  notice?: string;
}

/** The form to change one's own password: the current one (re-authentication), the new one twice. */
export function passwordPage(input: PasswordPageInput): string {
  const errors = input.errors ?? [];
  return layout({
    title: pageTexts.passwordTitle,
    view: "wachtwoord",
    user: input.user,
    csrfToken: input.csrfToken,
    main: html`<h1>${pageTexts.passwordTitle}</h1>
${errors.length === 0 ? "" : html`<div class="error" role="alert" id="password-error">${errors.map((error) => html`<p>${error}</p>`)}</div>`}
${input.notice === undefined ? "" : html`<p class="notice" role="status">${input.notice}</p>`}
<form method="post" action="/wachtwoord" class="login-form"${errors.length === 0 ? "" : html` aria-describedby="password-error"`}>
  <input type="hidden" name="_csrf" value="${input.csrfToken}">
  <input type="text" name="username" autocomplete="username" value="${input.user.username}" hidden>
  <p><label for="current">${pageTexts.currentPassword}</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="256"></p>
  <p><label for="password">${pageTexts.newPassword}</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-rules"></p>
  <p id="password-rules" class="hint">${pageTexts.passwordRules}</p>
  <p><label for="repeat">${pageTexts.repeatPassword}</label>
  <input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="12" maxlength="256"></p>
  <p><button type="submit">${pageTexts.passwordButton}</button></p>
</form>`,
  });
}
