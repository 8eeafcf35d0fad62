import type { Server } from "node:http";
import type { Result } from "@zaz/model";
import { type ListenConfig, readConfig, type ServerConfigInput } from "./config.js";
import { createServer, type ServerDeps } from "./server.js";

export interface Serving {
  server: Server;
  /** the URL it listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/** Starts the app on `host:port`; port 0 picks a free one. */
export function listen(deps: ServerDeps, at: ListenConfig): Promise<Serving> {
  const app = createServer(deps);
  return new Promise((resolve, reject) => {
    const server = app.listen(at.port, at.host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : at.port;
      const host = at.host.includes(":") ? `[${at.host}]` : at.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () =>
          new Promise((done, fail) => server.close((closeError) => (closeError ? fail(closeError) : done()))),
      });
    });
  });
}

/**
 * The entry for `zaz dashboard`: reads the configuration from the environment (PORT,
 * ZAZ_HOST, ZAZ_SESSION_SECRET, ZAZ_INSECURE_COOKIES, ZAZ_TRUST_PROXY, ZAZ_IDLE_MINUTES),
 * and listens, or returns the configuration problems for the caller to print.
 */
export async function serve(
  deps: Omit<ServerDeps, "config">,
  env: Record<string, string | undefined> = process.env,
): Promise<Result<Serving>> {
  const config: Result<ServerConfigInput & ListenConfig> = readConfig(env);
  if (!config.ok) return config;
  const serving = await listen({ ...deps, config: config.value }, config.value);
  return { ok: true, value: serving, warnings: config.warnings };
}
