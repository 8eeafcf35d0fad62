import { uploadPageTexts as t } from "../messages.js";
import { html } from "../pages/html.js";
import { layout } from "../pages/layout.js";
import { pageTexts } from "../pages/page-texts.js";
import type { User } from "../users/user-repository.js";

export interface UploadPageInput {
  user: User;
  csrfToken: string;
  schools: readonly { id: string; name: string }[];
  instruments: readonly { id: string; title: string }[];
  maxBytes: number;
}

/**
 * The upload page's shell: the choices (file, instrument, school within the user's scope, wave) as a
 * form, and regions /static/js/upload.js fills from the upload routes: the format, the editable
 * mapping, the problems, and the school's import list.
 */
export function uploadPage(input: UploadPageInput): string {
  const mb = Math.round(input.maxBytes / (1024 * 1024));
  return layout({
    title: t.title,
    view: "upload",
    user: input.user,
    csrfToken: input.csrfToken,
    main: html`<h1 id="view-title">${t.title}</h1>
<noscript><p class="notice">${pageTexts.noScript}</p></noscript>
<p>${t.intro}</p>
${
  input.schools.length === 0
    ? html`<p class="notice">${t.noSchools}</p>`
    : html`<form id="upload-form" class="filters upload-form" data-max-bytes="${String(input.maxBytes)}">
  <p><label for="upload-file">${t.file}</label>
    <input type="file" id="upload-file" name="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="upload-file-hint">
    <small id="upload-file-hint">${t.maxSize(mb)}</small></p>
  <p><label for="upload-instrument">${t.instrument}</label>
    <select id="upload-instrument" name="instrument">${input.instruments.map(
      (i) => html`<option value="${i.id}">${i.title}</option>`,
    )}</select></p>
  <p><label for="upload-school">${t.school}</label>
    <select id="upload-school" name="school">${input.schools.map(
      (s) => html`<option value="${s.id}">${s.name}</option>`,
    )}</select></p>
  <p><label for="upload-wave">${t.wave}</label>
    <input type="text" id="upload-wave" name="wave" maxlength="200" aria-describedby="upload-wave-hint">
    <small id="upload-wave-hint">${t.waveHint}</small></p>
  <p><button type="submit">${t.show}</button></p>
</form>`
}
<p id="status" class="status" role="status" aria-live="polite"></p>
<section id="upload-format" hidden></section>
<section id="upload-mapping" hidden></section>
<section id="upload-problems" hidden></section>
<section id="upload-result" hidden></section>
<section id="upload-imports" aria-labelledby="upload-imports-title">
  <h2 id="upload-imports-title">${t.importsTitle}</h2>
  <div id="upload-imports-list"></div>
</section>`,
  });
}
