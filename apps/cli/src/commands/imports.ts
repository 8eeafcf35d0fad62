import { openStore } from "@zaz/store";
import { ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { parseFormat, render } from "../output/render.js";

/** `zaz imports` — what is stored: import id, file, instrument, wave, counts, date. */
export async function imports(options: { db?: string; format?: string }, effects: Effects): Promise<number> {
  const format = parseFormat(options.format);
  const store = await openStore(databasePath(effects, options.db));
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
      formulieren: r.responses,
      antwoorden: r.answers,
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
          { key: "formulieren", title: "formulieren", align: "right" },
          // answer rows stored, typed missing ones included: `answersStored` in ingest --json
          { key: "antwoorden", title: "antwoorden opgeslagen", align: "right" },
          { key: "datum", title: "ingelezen" },
        ],
        rows,
      },
      // `answersStored` names the count as ingest --json does; `answers` stays for older scripts.
      records.map((r) => ({ ...r, answersStored: r.answers })),
    );
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
