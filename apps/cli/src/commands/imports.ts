import { openDuckDbStore } from "@zaz/store";
import { ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { parseFormat, render } from "../output/render.js";

/** `zaz imports` — what is stored: import id, file, instrument, wave, counts, date. */
export async function imports(options: { db?: string; format?: string }, effects: Effects): Promise<number> {
  const format = parseFormat(options.format);
  const store = await openDuckDbStore(databasePath(effects, options.db));
  try {
    const records = await store.listImports();
    if (records.length === 0 && format === "table") {
      effects.stderr.write(`${msg.noImports}\n`);
      return ExitCode.ok;
    }
    const rows = records.map((r) => ({
      import: r.id.slice(0, 12),
      bestand: r.fileName,
      instrument: r.instrumentId,
      meting: r.context.wave ?? "",
      antwoorden: r.responses,
      datum: r.importedAt.slice(0, 10),
    }));
    render(
      effects,
      format,
      {
        columns: [
          { key: "import", title: "import" },
          { key: "bestand", title: "bestand", wrap: true },
          { key: "instrument", title: "instrument" },
          { key: "meting", title: "meting" },
          { key: "antwoorden", title: "aantal", align: "right" },
          { key: "datum", title: "ingelezen" },
        ],
        rows,
      },
      records,
    );
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
