import type { IngestSummary } from "@zaz/importer";
import type { Effects } from "./effects.js";
import { cliMessages as msg } from "./messages.js";
import { visibleText } from "./visible-text.js";

/** The closing summary, on stderr (it is a message, not data). */
export function printSummary(effects: Effects, s: IngestSummary): void {
  const n = (x: number) => x.toLocaleString("nl-NL");
  const lines = [
    s.status === "valid" ? msg.summaryValid(s.file) : msg.summaryImported(s.file, s.importId ?? ""),
    msg.summaryRows(n(s.rowsRead), n(s.responses)),
  ];
  if (s.excluded.preview > 0 || s.excluded.unfinished > 0)
    lines.push(msg.summaryExcluded(s.excluded.preview, s.excluded.unfinished));
  if (s.responsesAdded !== undefined) {
    lines.push(msg.summaryStored(n(s.responsesAdded), n(s.responsesSkipped ?? 0)));
    if (s.responsesReplaced !== undefined && s.responsesReplaced > 0)
      lines.push(msg.summaryReplaced(n(s.responsesReplaced)));
    if (s.responsesAdded === 0) lines.push(msg.summaryNothingNew);
  }
  lines.push(msg.summaryAnswers(n(s.answers)));
  if (s.answersStored !== undefined) lines.push(msg.summaryAnswersStored(n(s.answersStored)));
  lines.push(msg.summaryMissing(n(s.missing.weet_niet), n(s.missing.nvt), n(s.missing.leeg)));
  if (s.columnsDropped.length > 0) {
    lines.push(msg.summaryDropped(s.columnsDropped.length, s.identifiersDropped));
    for (const c of s.columnsDropped) lines.push(`    - ${visibleText(c.header)}: ${c.reason}`);
  }
  if (s.formLanguage !== undefined)
    lines.push(msg.summaryLanguage(s.formLanguage.name, s.formLanguage.code, s.formLanguage.source));
  lines.push(msg.summaryWarnings(s.warnings));
  effects.stderr.write(`${lines.join("\n")}\n`);
}
