/** Small HTTP helpers of the dashboard benchmark: one request, cookies, logging in as a browser does. */
import { request } from "node:http";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a fresh connection (no keep-alive); the whole body as text. */
export function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    // bounded: a server that hangs fails the benchmark instead of stalling it
    req.setTimeout(options.timeoutMs ?? 120_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

function remember(headers: Reply["headers"], jar: Map<string, string>): void {
  for (const cookie of (headers["set-cookie"] as string[] | undefined) ?? []) {
    const [pair = ""] = cookie.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/** Logs in through the login form (CSRF token and cookie included); returns the Cookie header to send. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await call(`${base}/login`);
  remember(page.headers, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (page.status !== 200 || csrf === undefined) throw new Error(`loginpagina: status ${page.status}`);
  const reply = await call(`${base}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ username, password, _csrf: csrf }).toString(),
  });
  if (reply.status !== 303) throw new Error(`inloggen mislukt: status ${reply.status}`);
  remember(reply.headers, jar);
  return cookie();
}
