import { actionPointForms } from "./actiepunten.js";
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { renderFacts, renderSections } from "./view.js";

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);

function setStatus(text) {
  $("status").textContent = text;
}

function setTitle(text) {
  $("view-title").textContent = text;
  document.title = `${text} · Zij aan Zij`;
}

// A GET form of selects; choosing and submitting reloads the page with the new query.
function renderFilters(fields, hiddenFields = {}) {
  const form = $("filters");
  form.replaceChildren();
  const usable = fields.filter((field) => field.options.length > 0);
  if (usable.length === 0) return;
  for (const [name, value] of Object.entries(hiddenFields))
    form.append(h("input", { type: "hidden", name, value }));
  for (const field of usable) {
    const id = `filter-${field.name}`;
    const select = h(
      "select",
      { id, name: field.name },
      field.allowAll ? h("option", { value: "" }, "alle") : null,
      field.options.map((option) =>
        h("option", { value: option.id, selected: option.id === field.value }, option.name),
      ),
    );
    form.append(h("p", {}, h("label", { for: id }, field.label), select));
  }
  form.append(h("p", {}, h("button", { type: "submit" }, "Toon")));
  form.hidden = false;
}

function pick(list, wanted) {
  return list.find((item) => item.id === wanted)?.id ?? list[list.length - 1]?.id;
}

async function firstOf(kind) {
  const catalog = await getJson("/api/catalog");
  if (kind === "school") return catalog.besturen.flatMap((b) => b.schools)[0]?.id;
  if (kind === "bestuur") {
    const me = await getJson("/api/me");
    return me.scopes.bestuur ?? (me.role === "beheerder" ? catalog.besturen[0]?.id : undefined);
  }
  return catalog.opleidingen[0]?.id;
}

export async function home() {
  const [catalog, me] = await Promise.all([getJson("/api/catalog"), getJson("/api/me")]);
  // Someone who can see one thing only goes straight to it: a director to the class overview.
  const schools = catalog.besturen.flatMap((b) => b.schools);
  if (me.role === "directeur" && schools.length === 1) {
    location.replace(`/directeur?school=${encodeURIComponent(schools[0].id)}`);
    return;
  }
  if (me.role === "docent" && catalog.besturen.length === 0 && catalog.opleidingen.length === 1) {
    location.replace(`/pabo?opleiding=${encodeURIComponent(catalog.opleidingen[0].id)}`);
    return;
  }
  const seesBoard = me.role === "leerteam" || me.role === "beheerder";
  setStatus("");
  const content = $("content");
  for (const bestuur of catalog.besturen) {
    content.append(
      h(
        "section",
        { className: "card" },
        h("h2", {}, bestuur.name),
        seesBoard
          ? h(
              "p",
              {},
              h(
                "a",
                { href: `/leerteam?bestuur=${encodeURIComponent(bestuur.id)}` },
                `Scholen van ${bestuur.name} vergelijken`,
              ),
            )
          : false,
        h(
          "ul",
          {},
          bestuur.schools.map((school) =>
            h(
              "li",
              {},
              h(
                "a",
                { href: `/directeur?school=${encodeURIComponent(school.id)}` },
                `Klassenoverzicht ${school.name}`,
              ),
            ),
          ),
        ),
      ),
    );
  }
  for (const opleiding of catalog.opleidingen) {
    content.append(
      h(
        "section",
        { className: "card" },
        h("h2", {}, opleiding.name),
        h(
          "p",
          {},
          h(
            "a",
            { href: `/pabo?opleiding=${encodeURIComponent(opleiding.id)}` },
            "Leerlijn educatief partnerschap",
          ),
        ),
      ),
    );
  }
}

// The view as a PDF for a board meeting: the server prints what this page shows (GET /api/pdf/…,
// the same scope check as the JSON), so the link needs no script to work.
function pdfLink(route, query) {
  const search = new URLSearchParams(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ""),
  );
  return h(
    "p",
    { className: "view-actions" },
    h("a", { className: "button", id: "pdf-link", href: `/api/pdf/${route}?${search}`, download: "" }, "PDF"),
    h("span", { className: "hint" }, " A4, met paginanummers, voor een vergadering"),
  );
}

async function show(view, pdf) {
  setTitle(view.title);
  $("content").prepend(h("p", { className: "subtitle" }, view.subtitle));
  if (pdf) $("content").prepend(pdf);
  renderFacts($("facts"), view.facts);
  setStatus("");
  await renderSections($("content"), view);
}

export async function directeur() {
  const school = params.get("school") ?? (await firstOf("school"));
  if (school === undefined) return setStatus("U hebt geen school om te bekijken.");
  const filters = await getJson("/api/filters/school", { school });
  const wave = pick(filters.waves, params.get("wave"));
  renderFilters([{ name: "wave", label: "Meting", options: filters.waves, value: wave }], { school });
  const view = await getJson("/api/class-overview", { school, wave });
  const groepen = view.links.filter((link) => link.kind === "groep");
  if (groepen.length > 0)
    $("content").append(
      h(
        "nav",
        { className: "card", "aria-label": "Groepen" },
        h("h2", {}, "Groepen"),
        h(
          "ul",
          { className: "inline-list" },
          groepen.map((link) =>
            h("li", {}, h("a", { href: `/directeur/groep?${new URLSearchParams(link.params)}` }, link.label)),
          ),
        ),
      ),
    );
  await show(view, pdfLink("class-overview", { school, wave }));
  // a directeur or leerteam records action points here; the server checks scope and token
  $("content").append(await actionPointForms({ school, wave, groepen: filters.groepen }));
}

export async function groep() {
  const school = params.get("school");
  const filters = await getJson("/api/filters/school", { school });
  const wave = pick(filters.waves, params.get("wave"));
  const groepId = pick(filters.groepen, params.get("groep"));
  renderFilters(
    [
      { name: "wave", label: "Meting", options: filters.waves, value: wave },
      { name: "groep", label: "Groep", options: filters.groepen, value: groepId },
    ],
    { school },
  );
  const view = await getJson("/api/groep", { school, wave, groep: groepId });
  $("content").append(
    h(
      "p",
      {},
      h(
        "a",
        { href: `/directeur?${new URLSearchParams({ school, wave })}` },
        `Terug naar het klassenoverzicht van ${view.about.school.name}`,
      ),
    ),
  );
  await show(view, pdfLink("groep", { school, wave, groep: groepId }));
}

export async function leerteam() {
  const bestuur = params.get("bestuur") ?? (await firstOf("bestuur"));
  if (bestuur === undefined) return setStatus("U hebt geen bestuur om te bekijken.");
  await show(await getJson("/api/board", { bestuur }), pdfLink("board", { bestuur }));
}

export async function pabo() {
  const opleiding = params.get("opleiding") ?? (await firstOf("opleiding"));
  if (opleiding === undefined) return setStatus("U hebt geen opleiding om te bekijken.");
  const filters = await getJson("/api/filters/opleiding", { opleiding });
  const chosen = {
    cohort: params.get("cohort") ?? "",
    fase: params.get("fase") ?? "",
    gesprekssoort: params.get("gesprekssoort") ?? "",
  };
  renderFilters(
    [
      { name: "cohort", label: "Cohort", options: filters.cohorts, value: chosen.cohort, allowAll: true },
      { name: "fase", label: "Fase", options: filters.fasen, value: chosen.fase, allowAll: true },
      {
        name: "gesprekssoort",
        label: "Soort gesprek",
        options: filters.gesprekssoorten,
        value: chosen.gesprekssoort,
        allowAll: true,
      },
    ],
    { opleiding },
  );
  await show(
    await getJson("/api/leerlijn", { opleiding, ...chosen }),
    pdfLink("leerlijn", { opleiding, ...chosen }),
  );
}
export { upload } from "./upload.js";
