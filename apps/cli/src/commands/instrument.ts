import { basename, resolve } from "node:path";
import {
  formLanguageDimension,
  type Instrument,
  instrumentLanguages,
  languageName,
  translateInstrument,
} from "@zaz/model";
import { findInstruments, loadInstrumentFile, resolveInstrument } from "@zaz/survey";
import { CliError, ExitCode } from "../cli-error.js";
import { instrumentDirs } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { parseFormat, render } from "../output/render.js";
import { printProblems } from "../problems.js";

/** `zaz instrument list` — the instruments found, with version and item counts. */
export async function instrumentList(options: { format?: string }, effects: Effects): Promise<number> {
  const format = parseFormat(options.format);
  const dirs = instrumentDirs(effects);
  const { instruments, problems } = await findInstruments(dirs);
  if (instruments.length === 0 && problems.length === 0) throw new CliError(msg.instrumentsNone(dirs));
  const rows = instruments.map(({ instrument: i, file }) => ({
    id: i.id,
    versie: i.version,
    titel: i.title,
    items: i.items.filter((x) => x.type !== "text").length,
    open: i.items.filter((x) => x.type === "text").length,
    constructen: i.constructs.length,
    bestand: basename(file),
  }));
  render(
    effects,
    format,
    {
      columns: [
        { key: "id", title: "id" },
        { key: "versie", title: "versie" },
        { key: "titel", title: "titel", wrap: true },
        { key: "items", title: "items", align: "right" },
        { key: "open", title: "open/toel.", align: "right" },
        { key: "constructen", title: "schalen", align: "right" },
      ],
      rows,
    },
    format === "json" ? rows : undefined,
  );
  if (problems.length > 0) {
    printProblems(effects, problems, "warning");
    effects.stderr.write(`${msg.instrumentBroken(new Set(problems.map((p) => p.file)).size)}\n`);
  }
  return ExitCode.ok;
}

/**
 * `zaz instrument show ID` — items with Dutch text, scale and constructs; JSON prints the instrument.
 * With `--taal`, the form in that language, to put in a survey tool.
 */
export async function instrumentShow(
  idOrFile: string,
  options: { format?: string; taal?: string },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format);
  const found = await resolveInstrument(idOrFile, instrumentDirs(effects));
  if (!found.ok) {
    printProblems(effects, found.errors, "error");
    return ExitCode.invalidInput;
  }
  const i: Instrument = found.value.instrument;
  if (options.taal !== undefined) return showForm(i, options.taal.trim().toLowerCase(), format, effects);
  if (format === "json") {
    effects.stdout.write(`${JSON.stringify(i, null, 2)}\n`);
    return ExitCode.ok;
  }
  const scales = new Map(i.scales.map((s) => [s.id, s]));
  const constructs = new Map(i.constructs.map((c) => [c.id, c]));
  if (format === "table") {
    effects.stdout.write(`${i.title} (${i.id}, versie ${i.version})\n`);
    if (i.description !== "") effects.stdout.write(`${i.description}\n`);
    effects.stdout.write(
      `Context: ${i.dimensions.map((d) => `${d.label} (${d.id}${d.pseudonymise ? ", gepseudonimiseerd" : ""})`).join(", ")}\n\n`,
    );
  }
  const commented = new Set(i.items.flatMap((x) => (x.commentOn === undefined ? [] : [x.commentOn])));
  const rows = i.items
    .filter((item) => item.commentOn === undefined)
    .map((item) => ({
      id: item.id,
      tekst: item.text,
      schaal:
        item.type === "text"
          ? "open tekst"
          : item.type === "number"
            ? "getal"
            : `${scales.get(item.scale ?? "")?.name ?? item.scale ?? ""}${item.type === "multiple" ? " (meer keuzes)" : ""}`,
      constructen: item.constructs.map((c) => constructs.get(c)?.name ?? c).join(", "),
      omgescoord: item.reverse ? "ja" : "",
      toelichting: commented.has(item.id) ? "ja" : "",
    }));
  render(effects, format, {
    columns: [
      { key: "id", title: "id" },
      { key: "tekst", title: "tekst", wrap: true },
      { key: "schaal", title: "schaal", wrap: true },
      { key: "constructen", title: "construct", wrap: true },
      { key: "omgescoord", title: "omgek." },
      { key: "toelichting", title: "toel." },
    ],
    rows,
  });
  return ExitCode.ok;
}

/**
 * The form in one of the instrument's languages, as a school types it into its survey tool: the
 * context questions, then every question in order with its answers in order. The school's tool
 * then exports these texts as headers and answers, which ingest maps back to the same items.
 */
function showForm(source: Instrument, language: string, format: string, effects: Effects): number {
  const languages = instrumentLanguages(source);
  if (!languages.includes(language))
    throw new CliError(msg.instrumentLanguageUnknown(source.id, language, languages));
  const { instrument: i, untranslated } = translateInstrument(source, language);
  const translation = source.translations[language];
  if (translation !== undefined && !translation.reviewed)
    effects.stderr.write(`${msg.instrumentToReview(languageName(source, language), translation.note)}\n`);
  if (untranslated.length > 0)
    effects.stderr.write(`${msg.instrumentUntranslated(language, untranslated.length, untranslated)}\n`);
  if (format === "json") {
    effects.stdout.write(`${JSON.stringify(i, null, 2)}\n`);
    return ExitCode.ok;
  }
  const scales = new Map(i.scales.map((s) => [s.id, s]));
  // Context the form itself asks (groep); school, board, wave and language come from the import.
  const asked = i.dimensions.filter(
    (d) => d.type !== "text" && d.id !== formLanguageDimension && !d.pseudonymise,
  );
  const rows = [
    ...asked.map((d) => ({
      id: d.id,
      tekst: d.label,
      antwoorden: (d.values ?? []).map((v) => v.label).join(" · "),
    })),
    ...i.items
      .filter((item) => item.commentOn === undefined)
      .map((item) => {
        const scale = scales.get(item.scale ?? "");
        const labels = [
          ...(scale?.labels ?? []).map((l) => l.label),
          ...(scale?.missing ?? []).map((m) => m.label),
        ];
        return {
          id: item.id,
          tekst: item.text,
          antwoorden:
            item.type === "number"
              ? `${item.min ?? ""}–${item.max ?? ""}`
              : item.type === "text"
                ? ""
                : labels.join(" · "),
        };
      }),
  ];
  if (format === "table") effects.stdout.write(`${i.title} (${i.id}, versie ${i.version}, ${language})\n\n`);
  render(effects, format, {
    columns: [
      { key: "id", title: "id" },
      { key: "tekst", title: "tekst", wrap: true },
      { key: "antwoorden", title: "antwoorden", wrap: true },
    ],
    rows,
  });
  return ExitCode.ok;
}

/** `zaz instrument check FILE` — silent and 0 when valid; every problem and 1 when not. */
export async function instrumentCheck(
  file: string,
  options: { format?: string },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format, ["table", "json"]);
  const loaded = await loadInstrumentFile(resolve(effects.cwd, file));
  if (loaded.ok) return ExitCode.ok;
  const errors = loaded.errors.map((p) => ({ ...p, file }));
  if (format === "json") effects.stdout.write(`${JSON.stringify(errors, null, 2)}\n`);
  else {
    printProblems(effects, errors, "error");
    effects.stderr.write(`${msg.instrumentErrors(errors.length)}\n`);
  }
  return ExitCode.invalidInput;
}
