/** An error with the HTTP status to answer and a Dutch message safe to show the user. */
export class HttpError extends Error {
  readonly status: number;
  /** stable machine-readable code, e.g. "out-of-scope" */
  readonly code: string;
  /** response headers that belong to the answer, e.g. Retry-After with a 429 */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}
