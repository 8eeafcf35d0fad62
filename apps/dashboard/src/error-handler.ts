import type { ErrorRequestHandler } from "express";
import { isApiPath } from "./api-path.js";
import { HttpError } from "./http-error.js";
import { httpMessages } from "./messages.js";
import { errorPage } from "./pages/error-page.js";

function statusOf(error: unknown): number {
  if (typeof error === "object" && error !== null) {
    const status =
      (error as { status?: unknown; statusCode?: unknown }).status ??
      (error as { statusCode?: unknown }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 600) return status;
  }
  return 500;
}

/**
 * The one error middleware. Known errors (HttpError, the CSRF library's, body parsing) keep
 * their status and get a Dutch message; anything else is logged and answered with a bare 500,
 * so no stack trace or internal detail reaches a user.
 */
export function errorHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = statusOf(error);
    let code = "internal";
    let message: string = httpMessages.internal;
    if (error instanceof HttpError) {
      code = error.code;
      message = error.message;
    } else if ((error as { code?: unknown }).code === "csrf-invalid") {
      code = "csrf-invalid";
      message = httpMessages.csrf;
    } else if (status < 500) {
      code = status === 404 ? "not-found" : "bad-request";
      message = status === 404 ? httpMessages.notFound : httpMessages.badRequest;
    }
    if (status >= 500) log(error);
    if (res.headersSent) return;
    res.status(status).set("Cache-Control", "no-store");
    if (error instanceof HttpError) res.set(error.headers);
    if (isApiPath(req.originalUrl)) {
      res.json({ error: { code, message } });
    } else if (status === 401) {
      res.redirect(303, "/login");
    } else {
      res.type("html").send(errorPage(message));
    }
  };
}
