/**
 * A small CSV reader and writer for building test inputs (not the product's reader): records split
 * on `delimiter` and on line ends (CRLF, LF or CR) outside quotes, with "" for a quote inside one.
 */
export function csvRecords(text: string, delimiter = ","): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

/** the fields of one line */
export function csvLine(line: string, delimiter = ","): string[] {
  return csvRecords(line, delimiter)[0] ?? [""];
}

/** a field as an export writes it: quoted when it holds the delimiter, a quote or a line end */
export function csvField(value: string, delimiter = ","): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
