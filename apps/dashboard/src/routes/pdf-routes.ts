import { ChromiumMissingError, type PdfPrinterOptions, PrinterBusyError, type View } from "@zaz/views";
import { HttpError } from "../http-error.js";
import { httpMessages } from "../messages.js";
import { isServedView } from "./api-router.js";
import type { ApiRoute } from "./route-table.js";

/** A view printed to PDF, as a route's answer; the router sends it as application/pdf. */
export interface PrintedView {
  pdf: Uint8Array;
  filename: string;
}

export function isPrintedView(value: unknown): value is PrintedView {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { pdf?: unknown }).pdf instanceof Uint8Array &&
    typeof (value as { filename?: unknown }).filename === "string"
  );
}

/**
 * The dashboard's printer: two renders at once (each a Chromium page of ~100 MB), six more may
 * wait and the next gets 503; the browser is closed after a minute without renders.
 */
export const serverPrinting: PdfPrinterOptions = { concurrency: 2, maxWaiting: 6, idleCloseMs: 60_000 };

/** The view routes that get a PDF twin, with the report kind that names the file. */
const printable: Readonly<Record<string, string>> = {
  "class-overview": "klassen",
  groep: "groep",
  board: "scholen",
  leerlijn: "leerlijn",
};

/** A file name of safe characters only: it goes into a header, and the values come from the URL. */
function filename(kind: string, query: unknown): string {
  const values = Object.values(typeof query === "object" && query !== null ? query : {})
    .filter((v): v is string => typeof v === "string" && v !== "")
    .map((v) =>
      v
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    );
  return `${[kind, ...values].filter(Boolean).join("-").slice(0, 120)}.pdf`;
}

/**
 * `/api/pdf/<route>`: the same query, scope check and unknown-value check as the view's JSON route
 * (it is the same route object with another answer), so a PDF shows exactly what the page shows.
 */
export function pdfRoutes(routes: readonly ApiRoute<unknown>[]): ApiRoute<unknown>[] {
  return routes
    .filter((route) => printable[route.id] !== undefined)
    .map(
      (route): ApiRoute<unknown> => ({
        ...route,
        id: `${route.id}-pdf`,
        path: `/api/pdf/${route.id}`,
        handle: async (context) => {
          const served = await route.handle(context);
          if (!isServedView(served)) return served;
          try {
            const pdf = await context.printer.print(JSON.parse(served.body) as View);
            return { pdf, filename: filename(printable[route.id] ?? route.id, context.query) };
          } catch (error) {
            if (error instanceof PrinterBusyError)
              throw new HttpError(503, "pdf-busy", httpMessages.pdfBusy, { "Retry-After": "30" });
            if (error instanceof ChromiumMissingError)
              throw new HttpError(503, "pdf-unavailable", httpMessages.pdfUnavailable);
            throw error;
          }
        },
      }),
    );
}
