/**
 * Control characters (BEL, ESC, NUL …), C1 controls and the invisible bidirectional marks a
 * cell can hold: printed raw they ring the terminal bell, start escape sequences or reorder
 * the line, so a message would not show what is in the file.
 */
function invisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const named: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * The text with every invisible or terminal-controlling character written as an escape
 * (\u0007, \n). `keepLineBreaks` leaves \n alone, for table cells that wrap over lines.
 */
export function visibleText(text: string, keepLineBreaks = false): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!invisible(code) || (keepLineBreaks && code === 0x0a)) continue;
    const c = text.charAt(i);
    out += text.slice(from, i) + (named[c] ?? `\\u${code.toString(16).padStart(4, "0")}`);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
