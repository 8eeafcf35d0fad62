import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { viewMessages } from "../messages.js";
import type { View } from "../view.js";
import { renderHtml } from "./render-html.js";

/** Where Chromium is looked for: `ZAZ_CHROMIUM`, else the Debian package's path. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.ZAZ_CHROMIUM ?? "/usr/bin/chromium";
}

/** Chromium is missing; the message says how to install it. */
export class ChromiumMissingError extends Error {}

/** More renders are waiting than the printer takes on; the caller should try again later. */
export class PrinterBusyError extends Error {}

export interface PdfPrinterOptions {
  executablePath?: string;
  /** renders at once; each holds a page of the shared browser */
  concurrency?: number;
  /** renders that may wait for a free slot; one more is refused with PrinterBusyError */
  maxWaiting?: number;
  /** close the browser after this long without renders (a server's case); never when left out */
  idleCloseMs?: number;
}

/** What prints a view: PdfPrinter, or a stand-in in tests that need no Chromium. */
export interface ViewPrinter {
  print(view: View): Promise<Uint8Array>;
  /** ends what the printer holds (a browser); printing afterwards starts afresh */
  close?(): Promise<void>;
}

/**
 * Prints views to PDF with headless Chromium (playwright-core), from the same self-contained HTML
 * as `--format html` in its print edition: A4, page numbers in the footer, charts as vector SVG.
 * One browser is started on first use and reused; renders beyond `concurrency` wait their turn,
 * since every page of a report costs Chromium memory. playwright-core is imported only here, on
 * first use, so nothing else pays for loading it.
 */
export class PdfPrinter implements ViewPrinter {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly executablePath: string;
  private readonly concurrency: number;
  private readonly idleCloseMs: number | undefined;
  private readonly maxWaiting: number;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(options: PdfPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? chromiumPath();
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.idleCloseMs = options.idleCloseMs;
    this.maxWaiting = options.maxWaiting ?? Number.POSITIVE_INFINITY;
  }

  async print(view: View): Promise<Uint8Array> {
    const html = await renderHtml(view, { print: true });
    await this.acquire();
    try {
      return await this.printHtml(html);
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  private async printHtml(html: string): Promise<Uint8Array> {
    const browser = await this.launched();
    // No script and no network: the report is self-contained, and a PDF must not depend on (or
    // leak to) anything outside it.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route("**/*", (route) =>
        route.request().url().startsWith("data:") ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      const footer = `<div style="font:8pt system-ui,sans-serif;color:#555;width:100%;text-align:center">${viewMessages.pdfPage} <span class="pageNumber"></span> ${viewMessages.pdfOf} <span class="totalPages"></span></div>`;
      return await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer,
        margin: { top: "16mm", right: "15mm", bottom: "18mm", left: "15mm" },
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  }

  private launched(): Promise<Browser> {
    if (this.browser === undefined) {
      if (!existsSync(this.executablePath))
        throw new ChromiumMissingError(viewMessages.pdfNoChromium(this.executablePath));
      const launching = import("playwright-core").then(({ chromium }) =>
        chromium.launch({
          executablePath: this.executablePath,
          headless: true,
          args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        }),
      );
      this.browser = launching;
      // A crashed browser is started afresh on the next render rather than failing them all.
      launching.then(
        (b) =>
          b.on("disconnected", () => {
            if (this.browser === launching) this.browser = undefined;
          }),
        () => {
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }

  private async acquire(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.running < this.concurrency) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.maxWaiting) throw new PrinterBusyError("printer busy");
    // The slot is handed over by release(), so `running` stays the same.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
    // A browser held for no one costs a few hundred MB; the next render starts one again.
    if (this.running === 0 && this.idleCloseMs !== undefined) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleCloseMs);
      this.idleTimer.unref();
    }
  }
}

/** One view as a PDF, with a browser of its own that is closed afterwards (the CLI's case). */
export async function renderPdf(view: View, options: PdfPrinterOptions = {}): Promise<Uint8Array> {
  const printer = new PdfPrinter(options);
  try {
    return await printer.print(view);
  } finally {
    await printer.close();
  }
}
