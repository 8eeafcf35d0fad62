import { writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { openExport } from "@zaz/importer";
import {
  columnLetter,
  formatMappingFile,
  formatTarget,
  otherChoiceCounter,
  proposeMapping,
  repeatedHeaders,
  resolveInstrument,
} from "@zaz/survey";
import { ExitCode } from "../cli-error.js";
import { instrumentDirs } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { parseFormat, render } from "../output/render.js";
import { printProblems } from "../problems.js";

/**
 * `zaz map FILE --instrument ID [-o KOPPELING]` — proposes, for every column, the item or context
 * dimension it most likely is and how sure that is, and writes it as an editable mapping file.
 */
export async function map(
  fileArg: string,
  options: { instrument: string; output?: string; format?: string; encoding?: string; delimiter?: string },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format);
  const path = resolve(effects.cwd, fileArg);
  const instrument = await resolveInstrument(options.instrument, instrumentDirs(effects));
  if (!instrument.ok) {
    printProblems(effects, instrument.errors, "error");
    return ExitCode.invalidInput;
  }
  const opened = await openExport(path, options, basename(path), true);
  if (!opened.ok) {
    printProblems(effects, opened.errors, "error");
    return ExitCode.invalidInput;
  }
  const inst = instrument.value.instrument;
  const columns = proposeMapping(opened.value.source.header, inst, opened.value.source.roles);
  // A header above several columns is told apart by its column, as the mapping file does.
  const repeated = new Set(repeatedHeaders(columns.map((c) => c.header)).flatMap((r) => r.indexes));
  const rows = columns.map((c) => {
    const proposed = c.via === "none" ? c.suggestion : { target: c.target, confidence: c.confidence };
    return {
      kolom: repeated.has(c.index)
        ? msg.mapRepeatedColumn(c.header, c.index + 1, columnLetter(c.index))
        : c.header,
      koppeling: proposed ? formatTarget(proposed.target) : "ignore",
      zekerheid:
        proposed && proposed.target.kind !== "ignore" ? `${Math.round(proposed.confidence * 100)}%` : "",
      uitleg:
        c.via === "none"
          ? c.suggestion
            ? msg.mapCheck
            : msg.mapNoMatch
          : msg.mapExplain(c.via, c.target.kind === "ignore" ? c.target.reason : undefined),
    };
  });
  render(
    effects,
    format,
    {
      columns: [
        { key: "kolom", title: "kolom in het bestand", wrap: true },
        { key: "koppeling", title: "voorstel", wrap: true },
        { key: "zekerheid", title: "zeker", align: "right" },
        { key: "uitleg", title: "uitleg", wrap: true },
      ],
      rows,
    },
    columns,
  );
  const out = resolve(
    effects.cwd,
    options.output ?? `${basename(path).replace(/\.[^.]+$/, "")}.koppeling.json`,
  );
  await writeFile(out, formatMappingFile(inst, columns));
  // Own answers beside "Anders" that many parents gave (e.g. Tigrinya): offered as new choices.
  const counter = otherChoiceCounter(inst, columns);
  if (counter.watching) for await (const row of opened.value.source.rows()) counter.add(row.fields);
  const proposals = counter.proposals();
  if (proposals.length > 0)
    effects.stderr.write(
      `${msg.mapNewChoices}\n${proposals.map((p) => `  ${msg.mapNewChoice(p.label, p.count, p.item)}`).join("\n")}\n`,
    );
  const unsure = columns.filter((c) => c.via === "none" && c.suggestion).length;
  const ignored = columns.filter(
    (c) => c.target.kind === "ignore" && !(c.via === "none" && c.suggestion),
  ).length;
  effects.stderr.write(`${msg.mapWritten(out, unsure, ignored, fileArg, inst.id)}\n`);
  return ExitCode.ok;
}
