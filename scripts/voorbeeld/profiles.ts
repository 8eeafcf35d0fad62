import type { Instrument, Item } from "@zaz/model";
import type { CsvFormat } from "./csv-writer.js";
import type { SimAnswer, SimResponse } from "./simulate.js";

/** How one survey tool writes its export: header rows and cells. */
export interface ProfileWriter {
  id: string;
  format: CsvFormat;
  headerRows(instrument: Instrument, dimensions: readonly string[]): string[][];
  row(instrument: Instrument, dimensions: readonly string[], r: SimResponse, index: number): string[];
}

const pad = (n: number) => String(n).padStart(2, "0");
const dutchDateTime = (d: Date, seconds = true) =>
  `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ""}`;
const isoDateTime = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
const usDateTime = (d: Date) => {
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
};

function dimensionHeader(instrument: Instrument, id: string): string {
  const d = instrument.dimensions.find((x) => x.id === id);
  return d?.aliases[0] ?? d?.label ?? id;
}

function labelOf(instrument: Instrument, item: Item, code: number): string {
  const scale = instrument.scales.find((s) => s.id === item.scale);
  return scale?.labels.find((l) => l.code === code)?.label ?? String(code);
}

/** Labels as respondents saw them; `join` separates multiple choices. */
function labelCell(instrument: Instrument, item: Item, a: SimAnswer | undefined, join: string): string {
  if (a === undefined) return "";
  switch (a.kind) {
    case "codes":
      return a.codes.map((c) => labelOf(instrument, item, c)).join(join);
    case "number":
      return String(a.value);
    case "text":
      return a.text;
    case "missing":
      return a.label;
  }
}

export const googleForms: ProfileWriter = {
  id: "google-forms",
  format: { delimiter: ",", encoding: "utf8", newline: "\r\n" },
  headerRows: (inst, dims) => [
    ["Tijdstempel", ...dims.map((d) => dimensionHeader(inst, d)), ...inst.items.map((i) => i.text)],
  ],
  row: (inst, dims, r) => [
    dutchDateTime(r.submitted),
    ...dims.map((d) => r.context[d] ?? ""),
    ...inst.items.map((i) => labelCell(inst, i, r.answers.get(i.id), ", ")),
  ],
};

export const microsoftFormsExcel: ProfileWriter = {
  id: "microsoft-forms",
  format: { delimiter: ";", encoding: "win1252", newline: "\r\n" },
  headerRows: (inst, dims) => [
    [
      "Id",
      "Begintijd",
      "Tijd van voltooien",
      "E-mail",
      "Naam",
      ...dims.map((d) => dimensionHeader(inst, d)),
      ...inst.items.map((i) => i.text),
    ],
  ],
  row: (inst, dims, r, index) => {
    const start = new Date(r.submitted.getTime() - 6 * 60_000);
    return [
      String(index + 1),
      dutchDateTime(start, false),
      dutchDateTime(r.submitted, false),
      r.email,
      r.name,
      ...dims.map((d) => r.context[d] ?? ""),
      ...inst.items.map((i) => {
        const cell = labelCell(inst, i, r.answers.get(i.id), ";");
        return i.type === "multiple" && cell !== "" ? `${cell};` : cell;
      }),
    ];
  },
};

/** LimeSurvey, "answer codes" export: question codes as headers, numeric answer codes, a column per option of a multiple-choice question. */
export const limeSurvey: ProfileWriter = {
  id: "limesurvey",
  format: { delimiter: ",", encoding: "utf8-bom", newline: "\n" },
  headerRows: (inst, dims) => [
    [
      "id",
      "submitdate",
      "lastpage",
      "startlanguage",
      "seed",
      ...dims,
      ...inst.items.flatMap((i) => {
        if (i.type !== "multiple") return [i.id];
        const scale = inst.scales.find((s) => s.id === i.scale);
        return (scale?.labels ?? []).map((l) => `${i.id}[SQ${String(l.code).padStart(3, "0")}]`);
      }),
    ],
  ],
  row: (inst, dims, r, index) => [
    String(index + 1),
    isoDateTime(r.submitted),
    "3",
    "nl",
    String(100000 + index * 7919),
    ...dims.map((d) => r.contextCodes?.[d] ?? r.context[d] ?? ""),
    ...inst.items.flatMap((i) => {
      const a = r.answers.get(i.id);
      if (i.type === "multiple") {
        const scale = inst.scales.find((s) => s.id === i.scale);
        return (scale?.labels ?? []).map((l) => (a?.kind === "codes" && a.codes.includes(l.code) ? "Y" : ""));
      }
      if (a === undefined) return [""];
      if (a.kind === "codes") return [a.codes.join(";")];
      if (a.kind === "number") return [String(a.value)];
      if (a.kind === "text") return [a.text];
      return [a.label];
    }),
  ],
};

export const surveyMonkey: ProfileWriter = {
  id: "surveymonkey",
  format: { delimiter: ",", encoding: "utf8", newline: "\r\n" },
  headerRows: (inst, dims) => {
    const meta = [
      "Respondent ID",
      "Collector ID",
      "Start Date",
      "End Date",
      "IP Address",
      "Email Address",
      "First Name",
      "Last Name",
    ];
    const questions = [...dims.map((d) => dimensionHeader(inst, d)), ...inst.items.map((i) => i.text)];
    return [
      [...meta, ...questions],
      [...meta.map(() => ""), ...questions.map(() => "Response")],
    ];
  },
  row: (inst, dims, r, index) => [
    String(114000000000 + index * 37),
    "431877311",
    usDateTime(new Date(r.submitted.getTime() - 5 * 60_000)),
    usDateTime(r.submitted),
    `192.0.2.${(index % 250) + 1}`,
    "",
    "",
    "",
    ...dims.map((d) => r.context[d] ?? ""),
    ...inst.items.map((i) => labelCell(inst, i, r.answers.get(i.id), ", ")),
  ],
};

export const qualtrics: ProfileWriter = {
  id: "qualtrics",
  format: { delimiter: ",", encoding: "utf8-bom", newline: "\r\n" },
  headerRows: (inst, dims) => {
    const meta = [
      "StartDate",
      "EndDate",
      "Status",
      "IPAddress",
      "Progress",
      "Duration (in seconds)",
      "Finished",
      "RecordedDate",
      "ResponseId",
      "UserLanguage",
    ];
    const metaText = [
      "Start Date",
      "End Date",
      "Response Type",
      "IP Address",
      "Progress",
      "Duration (in seconds)",
      "Finished",
      "Recorded Date",
      "Response ID",
      "User Language",
    ];
    const metaImport = [
      "startDate",
      "endDate",
      "status",
      "ipAddress",
      "progress",
      "duration",
      "finished",
      "recordedDate",
      "_recordId",
      "userLanguage",
    ];
    return [
      [...meta, ...dims, ...inst.items.map((i) => i.id)],
      [...metaText, ...dims.map((d) => dimensionHeader(inst, d)), ...inst.items.map((i) => i.text)],
      [
        ...metaImport.map((m) => JSON.stringify({ ImportId: m })),
        ...dims.map((_, n) => JSON.stringify({ ImportId: `QID${n + 1}_TEXT` })),
        ...inst.items.map((_, n) => JSON.stringify({ ImportId: `QID${n + 1 + dims.length}` })),
      ],
    ];
  },
  row: (inst, dims, r, index) => [
    isoDateTime(new Date(r.submitted.getTime() - 7 * 60_000)),
    isoDateTime(r.submitted),
    "IP Address",
    `198.51.100.${(index % 250) + 1}`,
    "100",
    String(300 + (index % 200)),
    "True",
    isoDateTime(r.submitted),
    `R_${(0x1f3a5b + index * 7717).toString(36).padStart(15, "x")}`,
    "NL",
    ...dims.map((d) => r.context[d] ?? ""),
    ...inst.items.map((i) => labelCell(inst, i, r.answers.get(i.id), ",")),
  ],
};
