// The upload page: look at an export, fix its column mapping, check it, import it, and manage the
// school's imports. The file is sent again with every step; the server keeps it no longer than the request.
import { getJson } from "./api.js";
import { h } from "./dom.js";

const $ = (id) => document.getElementById(id);

function csrfToken() {
  return document.querySelector('input[name="_csrf"]')?.value ?? "";
}

function setStatus(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", error);
}

async function answer(response) {
  if (response.status === 401) {
    location.assign(`/login?next=${encodeURIComponent("/upload")}`);
    throw new Error("Niet ingelogd.");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message ?? "Er ging iets mis.");
  return body;
}

function postJson(path, body) {
  return fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrfToken() },
    body: JSON.stringify(body),
  }).then(answer);
}

function postFile(path, choice, file) {
  const query = new URLSearchParams(Object.entries(choice).filter(([, v]) => v !== undefined && v !== ""));
  return fetch(`${path}?${query}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "text/csv", accept: "application/json", "x-csrf-token": csrfToken() },
    body: file,
  }).then(answer);
}

const delimiterNames = { ";": "puntkomma (;)", ",": "komma (,)", "\t": "tab", "|": "verticale streep (|)" };
const viaNames = {
  id: "zeker (id)",
  alias: "zeker (alias)",
  text: "zeker (vraagtekst)",
  export: "zeker (export)",
  similar: "voorstel: controleer",
  mappingFile: "opgeslagen koppeling",
  none: "geen voorstel",
};

/** The state of the page: what was chosen, the file, the mapping shown. */
const state = { choice: undefined, file: undefined, columns: [], dirty: false };

function currentChoice() {
  const file = $("upload-file").files?.[0];
  return {
    file,
    choice: {
      school: $("upload-school").value,
      instrument: $("upload-instrument").value,
      wave: $("upload-wave").value.trim(),
      naam: file?.name ?? "",
    },
  };
}

function showFormat(format, saved) {
  const section = $("upload-format");
  section.replaceChildren(
    h("h2", {}, "Zo wordt het bestand gelezen"),
    h(
      "dl",
      { className: "format-list" },
      h("dt", {}, "Soort export"),
      h("dd", { "data-field": "profile" }, format.profile),
      h("dt", {}, "Tekenset"),
      h("dd", { "data-field": "encoding" }, format.encoding),
      h("dt", {}, "Scheidingsteken"),
      h("dd", { "data-field": "delimiter" }, delimiterNames[format.delimiter] ?? format.delimiter),
      h("dt", {}, "Rijen met antwoorden"),
      h("dd", { "data-field": "rows" }, format.rows.toLocaleString("nl-NL")),
    ),
    saved
      ? h(
          "p",
          { className: "notice" },
          "De opgeslagen koppeling van deze school past op dit bestand en is ingevuld.",
        )
      : null,
  );
  section.hidden = false;
}

function targetSelect(column, targets, id) {
  const known = new Set([
    "ignore",
    ...targets.dimensions.map((t) => t.target),
    ...targets.items.map((t) => t.target),
  ]);
  const select = h(
    "select",
    {
      id,
      "data-index": String(column.index),
      "aria-label": `Koppeling van kolom ${column.header || column.index + 1}`,
    },
    known.has(column.target) ? null : h("option", { value: column.target }, column.target),
    h("option", { value: "ignore" }, "niet opslaan"),
    h(
      "optgroup",
      { label: "Gegeven (dimensie)" },
      targets.dimensions.map((t) => h("option", { value: t.target }, t.label)),
    ),
    h(
      "optgroup",
      { label: "Vraag (item)" },
      targets.items.map((t) => h("option", { value: t.target }, t.label)),
    ),
  );
  select.value = column.target;
  select.addEventListener("change", () => {
    column.target = select.value;
    state.dirty = true;
  });
  return select;
}

function showMapping(columns, targets) {
  state.columns = columns.map((c) => ({ index: c.index, header: c.header, target: c.target }));
  const rows = columns.map((c, i) =>
    h(
      "tr",
      {},
      h("td", { className: "num" }, String(c.index + 1)),
      h("th", { scope: "row" }, c.header === "" ? "(zonder kop)" : c.header),
      h("td", {}, targetSelect(state.columns[i], targets, `koppeling-${c.index}`)),
      h(
        "td",
        {},
        viaNames[c.via] ?? c.via,
        c.via === "similar" || c.via === "none" ? "" : ` · ${Math.round(c.confidence * 100)}%`,
      ),
    ),
  );
  const section = $("upload-mapping");
  section.replaceChildren(
    h("h2", {}, "Kolommen koppelen"),
    h(
      "p",
      {},
      "Kies per kolom bij welke vraag of welk gegeven hij hoort. Namen, e-mailadressen en andere kolommen die u niet koppelt, worden niet opgeslagen.",
    ),
    h(
      "div",
      { className: "table-region" },
      h(
        "table",
        { className: "data-table", id: "mapping-table" },
        h("caption", {}, "Voorgestelde koppeling"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "nr"),
            h("th", { scope: "col" }, "kolom in het bestand"),
            h("th", { scope: "col" }, "koppeling"),
            h("th", { scope: "col" }, "zekerheid"),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
    h(
      "p",
      { className: "actions" },
      h("button", { type: "button", id: "save-mapping" }, "Koppeling opslaan"),
      " ",
      h("button", { type: "button", id: "check-file" }, "Controleren"),
      " ",
      h("button", { type: "button", id: "import-file" }, "Importeren"),
    ),
    h(
      "p",
      { id: "upload-progress", className: "status", hidden: true },
      h("progress", { max: "100", value: "0" }),
      " ",
      h("span", {}),
    ),
  );
  section.hidden = false;
  $("save-mapping").addEventListener("click", () => run(saveMapping));
  $("check-file").addEventListener("click", () => run(check));
  $("import-file").addEventListener("click", () => run(importFile));
}

function problemRows(problems) {
  return problems.map((p) =>
    h(
      "tr",
      {},
      h("td", { className: "num" }, p.row ?? ""),
      h("td", {}, p.column ?? ""),
      h("td", {}, p.value ?? ""),
      h("td", {}, p.expected ?? ""),
      h("td", {}, p.message, p.hint ? h("br") : null, p.hint ? `Tip: ${p.hint}` : null),
    ),
  );
}

function problemTable(caption, id, rows, first = "rij") {
  return h(
    "div",
    { className: "table-region" },
    h(
      "table",
      { className: "data-table", id },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, first),
          h("th", { scope: "col" }, "kolom"),
          h("th", { scope: "col" }, "waarde"),
          h("th", { scope: "col" }, "verwacht"),
          h("th", { scope: "col" }, "uitleg"),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}

function showProblems(outcome) {
  const section = $("upload-problems");
  const errors = outcome.errors ?? [];
  const groups = outcome.warningGroups ?? [];
  const parts = [h("h2", {}, errors.length > 0 ? "Fouten in het bestand" : "Controle")];
  if (errors.length > 0) {
    const total = outcome.errorCount ?? errors.length;
    parts.push(h("p", { className: "status error" }, `${total} fout(en) gevonden. Er is niets opgeslagen.`));
    parts.push(problemTable("Fouten", "error-table", problemRows(errors)));
  }
  if (groups.length > 0) {
    const rows = groups.map((g) =>
      h(
        "tr",
        {},
        h(
          "td",
          {},
          g.count > 1
            ? `${g.count}× (rij ${g.rows.join(", ")}${g.count > g.rows.length ? ", …" : ""})`
            : (g.first.row ?? ""),
        ),
        h("td", {}, g.column ?? ""),
        h("td", {}, g.first.value ?? ""),
        h("td", {}, g.first.expected ?? ""),
        h(
          "td",
          {},
          g.first.message,
          g.first.hint ? h("br") : null,
          g.first.hint ? `Tip: ${g.first.hint}` : null,
        ),
      ),
    );
    parts.push(problemTable("Waarschuwingen", "warning-table", rows, "rijen"));
  }
  section.replaceChildren(...parts);
  section.hidden = false;
}

function showSummary(title, s) {
  const section = $("upload-result");
  const n = (x) => (x ?? 0).toLocaleString("nl-NL");
  section.replaceChildren(
    h("h2", {}, title),
    h(
      "ul",
      { id: "upload-summary" },
      h("li", {}, `rijen gelezen: ${n(s.rowsRead)}`),
      h("li", {}, `antwoordformulieren: ${n(s.responses)}`),
      s.responsesAdded === undefined
        ? null
        : h("li", {}, `nieuw opgeslagen: ${n(s.responsesAdded)}; stonden er al: ${n(s.responsesSkipped)}`),
      h("li", {}, `antwoorden: ${n(s.answers)}`),
      s.columnsDropped?.length > 0
        ? h("li", {}, `niet opgeslagen kolommen: ${s.columnsDropped.map((c) => c.header).join(", ")}`)
        : null,
    ),
  );
  section.hidden = false;
}

function clearResults() {
  for (const id of ["upload-problems", "upload-result"]) {
    $(id).hidden = true;
    $(id).replaceChildren();
  }
}

async function inspect() {
  const { file, choice } = currentChoice();
  if (file === undefined) throw new Error("Kies eerst een bestand.");
  const max = Number($("upload-form").dataset.maxBytes);
  if (file.size > max) throw new Error(`Het bestand is te groot: hooguit ${Math.round(max / 1048576)} MB.`);
  state.file = file;
  state.choice = choice;
  state.dirty = false;
  clearResults();
  $("upload-format").hidden = true;
  $("upload-mapping").hidden = true;
  setStatus("Bestand wordt gelezen …");
  const result = await postFile("/api/upload/inspecteer", choice, file);
  if (!result.ok) {
    showProblems({ errors: result.errors, warningGroups: [] });
    setStatus("Dit bestand kan niet worden ingelezen.", true);
    return;
  }
  showFormat(result.format, result.saved);
  showMapping(result.columns, result.targets);
  setStatus("Controleer de koppeling, en klik dan op Controleren of Importeren.");
}

async function saveMapping() {
  const { school, instrument } = state.choice;
  const saved = await postJson("/api/upload/koppeling", { school, instrument, columns: state.columns });
  if (!saved.ok) {
    showProblems({ errors: saved.errors, warningGroups: [] });
    throw new Error("De koppeling is niet opgeslagen.");
  }
  state.dirty = false;
  setStatus("De koppeling is opgeslagen voor deze school.");
}

/** A long check or import shows how far it is, from the server's progress of this user. */
function pollProgress() {
  const line = $("upload-progress");
  line.hidden = false;
  const timer = setInterval(async () => {
    const { running } = await getJson("/api/upload/voortgang").catch(() => ({ running: null }));
    if (running === null || running.bytesTotal === 0) return;
    const share = Math.round((100 * running.bytesRead) / running.bytesTotal);
    line.querySelector("progress").value = share;
    line.querySelector("span").textContent = `${share}% · ${running.rows.toLocaleString("nl-NL")} rijen`;
  }, 500);
  return () => {
    clearInterval(timer);
    line.hidden = true;
  };
}

async function check() {
  if (state.dirty) await saveMapping();
  clearResults();
  setStatus("Bestand wordt gecontroleerd …");
  const stop = pollProgress();
  try {
    const outcome = await postFile("/api/upload/controleer", state.choice, state.file);
    showProblems(outcome);
    if (outcome.ok) {
      showSummary("Geen fouten gevonden", outcome.summary);
      setStatus("Geen fouten gevonden. U kunt het bestand importeren.");
    } else setStatus("Er zijn fouten gevonden; er is niets opgeslagen.", true);
  } finally {
    stop();
  }
}

async function importFile() {
  if (state.dirty) await saveMapping();
  clearResults();
  setStatus("Bestand wordt ingelezen …");
  const stop = pollProgress();
  try {
    const outcome = await postFile("/api/upload/importeer", state.choice, state.file);
    if (outcome.status === "rejected") {
      showProblems(outcome);
      setStatus("Er zijn fouten gevonden; er is niets opgeslagen.", true);
      return;
    }
    if (outcome.status === "already-imported") {
      setStatus("Dit bestand is al eerder ingelezen; er is niets veranderd.");
      return;
    }
    showProblems(outcome);
    showSummary("Ingelezen", outcome.summary);
    setStatus("Het bestand is ingelezen. De overzichten tonen de nieuwe gegevens.");
    await showImports();
  } finally {
    stop();
  }
}

async function removeImport(school, record, cell) {
  const yes = h("button", { type: "button", className: "danger" }, "Ja, verwijderen");
  const no = h("button", { type: "button" }, "Annuleren");
  cell.replaceChildren(`Alle ${record.responses} formulieren van ${record.file} verwijderen? `, yes, " ", no);
  no.addEventListener("click", () => run(showImports));
  yes.addEventListener("click", () =>
    run(async () => {
      const { removed } = await postJson("/api/upload/verwijder", { school, import: record.id });
      setStatus(`${record.file} is verwijderd (${removed.responses} formulieren).`);
      await showImports();
    }),
  );
  yes.focus();
}

async function showImports() {
  const school = $("upload-school").value;
  const list = $("upload-imports-list");
  const { imports } = await getJson("/api/upload/imports", { school });
  if (imports.length === 0) {
    list.replaceChildren(h("p", {}, "Voor deze school is nog niets ingelezen."));
    return;
  }
  const rows = imports.map((r) => {
    const action = h("td", {});
    const button = h("button", { type: "button" }, "Verwijderen");
    button.addEventListener("click", () => removeImport(school, r, action));
    action.append(button);
    return h(
      "tr",
      { "data-import": r.id },
      h("th", { scope: "row" }, r.file),
      h("td", {}, r.instrument),
      h("td", {}, r.wave),
      h("td", { className: "num" }, r.responses.toLocaleString("nl-NL")),
      h("td", { className: "num" }, r.answers.toLocaleString("nl-NL")),
      h("td", {}, r.importedAt.slice(0, 10)),
      action,
    );
  });
  list.replaceChildren(
    h(
      "div",
      { className: "table-region" },
      h(
        "table",
        { className: "data-table", id: "imports-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["bestand", "vragenlijst", "meting", "formulieren", "antwoorden", "ingelezen", ""].map((t) =>
              h("th", { scope: "col" }, t),
            ),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
  );
}

/** One step at a time: its buttons are disabled while it runs, and its failure is said in the status line. */
async function run(step) {
  const buttons = [...document.querySelectorAll("#main button")];
  for (const b of buttons) b.disabled = true;
  try {
    await step();
  } catch (error) {
    setStatus(error?.message ?? "Er ging iets mis.", true);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

export async function upload() {
  const form = $("upload-form");
  if (form === null) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(inspect);
  });
  $("upload-school").addEventListener("change", () => run(showImports));
  await showImports();
}
