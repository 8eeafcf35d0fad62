import { basename, resolve } from "node:path";
import { openExport } from "@zaz/importer";
import { compareGroepen, EntityKind, ok } from "@zaz/model";
import { openStore } from "@zaz/store";
import { type RosterRow, readRoster, resolveEntity, resolveInstrument } from "@zaz/survey";
import { CliError, ExitCode } from "../cli-error.js";
import { databasePath, instrumentDirs } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { parseFormat, render } from "../output/render.js";
import { printProblems } from "../problems.js";

/**
 * `zaz roster FILE` — the number of families per school / groep / wave, for response rates.
 * Stored entries of the same school and wave are replaced as a whole.
 */
export async function roster(
  fileArg: string,
  options: {
    school?: string;
    wave?: string;
    db?: string;
    format?: string;
    encoding?: string;
    delimiter?: string;
  },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format);
  const path = resolve(effects.cwd, fileArg);
  // The groep dimension of the ouderpopulatie instrument says which groepen exist and how they may be written.
  const ouder = await resolveInstrument("ouderpopulatie", instrumentDirs(effects));
  const groep = ouder.ok ? ouder.value.instrument.dimensions.find((d) => d.id === "groep") : undefined;
  if (!groep) throw new CliError(msg.rosterNoGroep);
  const opened = await openExport(path, options, basename(path));
  if (!opened.ok) {
    printProblems(effects, opened.errors, "error");
    return ExitCode.invalidInput;
  }
  const store = await openStore(databasePath(effects, options.db));
  try {
    // Schools are resolved like ingest does: by id or exact name, never a near guess.
    const registry = await store.registry.list();
    const ids = new Map<string, ReturnType<typeof resolveEntity>>();
    const read = await readRoster(opened.value.source.header, opened.value.source.rows(), {
      file: basename(path),
      ...(options.school === undefined ? {} : { school: options.school }),
      ...(options.wave === undefined ? {} : { wave: options.wave }),
      groep,
      resolveSchool: (written) => {
        let resolved = ids.get(written);
        if (resolved === undefined) {
          resolved = resolveEntity(registry, written, { kind: EntityKind.school });
          ids.set(written, resolved);
        }
        return resolved.ok ? ok(resolved.value.id) : resolved;
      },
    });
    if (!read.ok) {
      printProblems(effects, read.errors, "error");
      effects.stderr.write(`${msg.ingestNothingWritten}\n`);
      return ExitCode.invalidInput;
    }
    const written = await store.replaceRoster(read.value, basename(path));
    // Each school and wave as the file lists them, its groepen in school order (1/2, 3, 3/4B … 8).
    const block = new Map<string, number>();
    for (const r of read.value) {
      const key = `${r.school}\u0000${r.wave}`;
      if (!block.has(key)) block.set(key, block.size);
    }
    const blockOf = (r: RosterRow) => block.get(`${r.school}\u0000${r.wave}`) ?? 0;
    const rows = [...read.value].sort((a, b) => blockOf(a) - blockOf(b) || compareGroepen(a.groep, b.groep));
    render(
      effects,
      format,
      {
        columns: [
          { key: "school", title: "school", wrap: true },
          { key: "id", title: "id" },
          { key: "wave", title: "meting" },
          { key: "groep", title: "groep", align: "right" },
          { key: "families", title: "gezinnen", align: "right" },
        ],
        rows: rows.map((r) => ({
          ...r,
          school: registry.find((e) => e.kind === EntityKind.school && e.id === r.school)?.name ?? r.school,
          id: r.school,
        })),
      },
      rows,
    );
    effects.stderr.write(`${msg.rosterStored(written)}\n`);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
