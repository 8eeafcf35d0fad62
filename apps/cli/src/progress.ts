import type { Effects } from "./effects.js";

/**
 * A progress line on stderr, only on a terminal: "Inlezen ███████░░░░ 64% · 128.000 rijen".
 * Redrawn at most ten times a second; `done()` clears it.
 */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly effects: Effects,
    private readonly label: string,
    private readonly total: number,
  ) {}

  get enabled(): boolean {
    return this.effects.stderr.isTTY === true;
  }

  update(done: number, rows: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const share = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const width = 24;
    const filled = Math.round(share * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    this.effects.stderr.write(
      `\r${this.label} ${bar} ${Math.round(share * 100)}% · ${rows.toLocaleString("nl-NL")} rijen`,
    );
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.effects.stderr.write("\r\u001b[2K");
    this.shown = false;
  }
}
