import type { Server } from "node:http";
import type { Result } from "@zaz/model";
import { PdfPrinter } from "@zaz/views";
import { type ListenConfig, readConfig, type ServerConfigInput } from "./config.js";
import { serverPrinting } from "./routes/pdf-routes.js";
import { createServer, type ServerDeps } from "./server.js";
import { type SsoEnvOptions, ssoFromEnv } from "./sso/sso-from-env.js";

/** How long a shutdown waits for requests under way before it cuts their connections. */
export const defaultShutdownDeadlineMs = 10_000;

export interface Serving {
  server: Server;
  /** the URL it listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  /**
   * Stops accepting connections, closes the idle keep-alive ones at once, lets requests under
   * way finish, and closes whatever is still open after `deadlineMs` (10 s by default).
   */
  close(deadlineMs?: number): Promise<void>;
}

/** Starts the app on `host:port`; port 0 picks a free one. */
export function listen(deps: ServerDeps, at: ListenConfig): Promise<Serving> {
  // Made here rather than in createServer, so that closing the server also ends its Chromium.
  const printer = deps.printer ?? new PdfPrinter(serverPrinting);
  const app = createServer({ ...deps, printer });
  return new Promise((resolve, reject) => {
    const server = app.listen(at.port, at.host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : at.port;
      const host = at.host.includes(":") ? `[${at.host}]` : at.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: async (deadlineMs) => {
          await closeServer(server, deadlineMs);
          await printer.close?.();
        },
      });
    });
  });
}

const closing = new WeakMap<Server, Promise<void>>();

/** See Serving.close; a second call waits for the first. */
export function closeServer(server: Server, deadlineMs = defaultShutdownDeadlineMs): Promise<void> {
  const already = closing.get(server);
  if (already !== undefined) return already;
  const closed = new Promise<void>((resolve, reject) => {
    // A keep-alive client holding its connection open would otherwise keep the server up forever.
    const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
    deadline.unref();
    server.close((error) => {
      clearTimeout(deadline);
      if (error !== undefined && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING")
        reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
  closing.set(server, closed);
  return closed;
}

/**
 * On SIGTERM or SIGINT: closes the server (see Serving.close), then runs `cleanup` (close the
 * store) and exits. A second signal exits at once. Returns a function that removes the handlers.
 */
export function closeOnSignals(
  serving: Pick<Serving, "close">,
  cleanup: () => Promise<void> = async () => {},
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  let stopping = false;
  const stop = () => {
    if (stopping) return exit(1);
    stopping = true;
    serving
      .close()
      .then(cleanup)
      .then(
        () => exit(0),
        (error: unknown) => {
          console.error(error);
          exit(1);
        },
      );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return () => {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
  };
}

/**
 * The entry for `zaz dashboard`: reads the configuration from the environment (PORT,
 * ZAZ_HOST, ZAZ_SESSION_SECRET, ZAZ_INSECURE_COOKIES, ZAZ_TRUST_PROXY, ZAZ_IDLE_MINUTES,
 * ZAZ_SESSION_HOURS; for single sign-on ZAZ_OIDC_*, ZAZ_PUBLIC_URL and ZAZ_SSO_MAPPING, see
 * sso/sso-config.ts), and listens, or returns the configuration problems for the caller to print.
 */
export async function serve(
  deps: Omit<ServerDeps, "config" | "sso"> & { sso?: SsoEnvOptions },
  env: Record<string, string | undefined> = process.env,
): Promise<Result<Serving>> {
  const config: Result<ServerConfigInput & ListenConfig> = readConfig(env);
  if (!config.ok) return config;
  const sso = await ssoFromEnv(env, deps.sso ?? {});
  if (!sso.ok) return { ok: false, errors: sso.errors, warnings: [...config.warnings, ...sso.warnings] };
  const { sso: _options, ...rest } = deps;
  const serving = await listen(
    { ...rest, config: config.value, ...(sso.value === undefined ? {} : { sso: sso.value }) },
    config.value,
  );
  return { ok: true, value: serving, warnings: [...config.warnings, ...sso.warnings] };
}
