import { ApiError, getJson } from "./api.js";
import { h } from "./dom.js";

// The class overview's small forms for action points: a new one for this wave, and marking one
// done. They post JSON with the page's CSRF token (the logout form carries it); the follow-up
// itself is the view's section "Actiepunten en opvolging", drawn like every other section.

function csrfToken() {
  return document.querySelector('input[name="_csrf"]')?.value ?? "";
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrfToken() },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, answer?.error?.message ?? "Er ging iets mis.");
  return answer;
}

function field(label, control) {
  return h("label", { className: "field" }, h("span", {}, label), control);
}

function select(name, options, value) {
  return h(
    "select",
    { name },
    options.map((o) => h("option", { value: o.id, selected: o.id === value }, o.name)),
  );
}

export async function actionPointForms({ school, wave, groepen }) {
  let answer;
  try {
    answer = await getJson("/api/actiepunten", { school });
  } catch {
    // the class overview stays usable where action points are not kept
    return h("div", { hidden: true });
  }
  const { actiepunten, onderwerpen } = answer;
  const message = h("p", { className: "status", role: "status", "aria-live": "polite" });
  const submit = (path, toBody) => async (event) => {
    event.preventDefault();
    try {
      await post(path, toBody(new FormData(event.target)));
      location.reload();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  // data-control: the page's own form (the XSS test tells it apart from markup that came from data)
  const add = h(
    "form",
    { className: "filters", "data-control": "actiepunt-nieuw" },
    field("Voorwaarde of vorm", select("concept", onderwerpen)),
    field("Groep", select("groep", [{ id: "", name: "hele school" }, ...groepen])),
    field("Actiepunt", h("input", { name: "description", required: true, maxlength: 2000 })),
    field("Wie", h("input", { name: "wie", required: true, maxlength: 200 })),
    field(
      "Effect zichtbaar in meting",
      h("input", { name: "effectWave", required: true, placeholder: "2026-voorjaar" }),
    ),
    h("button", { type: "submit" }, "Actiepunt vastleggen"),
  );
  add.addEventListener(
    "submit",
    submit("/api/actiepunten", (data) => ({
      school,
      wave,
      concept: data.get("concept"),
      groep: data.get("groep") === "" ? null : data.get("groep"),
      description: data.get("description"),
      wie: data.get("wie"),
      effectWave: data.get("effectWave"),
    })),
  );
  const open = actiepunten.map((p) => ({ id: String(p.id), name: `${p.id}: ${p.description}` }));
  const done = h(
    "form",
    { className: "filters", hidden: open.length === 0, "data-control": "actiepunt-gedaan" },
    field("Actiepunt", select("id", open)),
    field("Gedaan", h("input", { type: "checkbox", name: "done", checked: true })),
    h("button", { type: "submit" }, "Opslaan"),
  );
  done.addEventListener(
    "submit",
    submit("/api/actiepunten/gedaan", (data) => ({
      school,
      id: data.get("id"),
      done: data.get("done") === "on",
    })),
  );
  return h(
    "section",
    { className: "card", "aria-labelledby": "actiepunten-form" },
    h("h2", { id: "actiepunten-form" }, `Actiepunten bij meting ${wave}`),
    add,
    done,
    message,
  );
}
