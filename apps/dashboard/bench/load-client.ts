/**
 * The load client of `npm run bench:dashboard`, in its own process (started by dashboard-load.ts
 * with an IPC channel). Keeps `connections` keep-alive connections to one URL busy, each sending its
 * next request when the previous response has been read to the end: a warm-up first, then the
 * measured seconds. Bounded in time (at most 60 s measured) and in requests (maxRequests per part).
 * With `servers` (more than one dashboard process behind one address), connection i goes to
 * servers[i mod n]: what a proxy with keep-alive connections to its upstreams does, round-robin.
 * Sends back one LoadResult and exits.
 *
 * argv[2]: JSON LoadConfig
 */
import { Agent, request } from "node:http";

export interface LoadConfig {
  url: string;
  /** base URLs of the processes to spread the connections over (round-robin); url's own server when left out */
  servers?: string[];
  /** paths on url's server to cycle through instead of url's own (the hostile user of --hostile) */
  paths?: string[];
  /** count the statuses instead of failing on any but expectStatus */
  anyStatus?: boolean;
  headers: Record<string, string>;
  /** a response with another status, or (when given) another body length, is a failure */
  expectStatus: number;
  expectBytes?: number;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  failures: number;
  /** the first failure, to say what went wrong */
  firstFailure?: string;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** body bytes received per response (mean) */
  bytesPerResponse: number;
  /** CPU time of this process during the measured part */
  cpuSeconds: number;
  /** responses per status, with anyStatus */
  statuses?: Record<string, number>;
}

const config = JSON.parse(process.argv[2] ?? "{}") as LoadConfig;
const target = new URL(config.url);
const servers = (config.servers ?? [config.url]).map((s) => new URL(s));
const connections = Math.max(1, Math.min(config.connections, 1024));
const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

let next = 0;
const pathOf = () =>
  config.paths === undefined || config.paths.length === 0
    ? `${target.pathname}${target.search}`
    : (config.paths[next++ % config.paths.length] ?? "/");

function once(server: URL): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: server.hostname,
        port: server.port,
        path: pathOf(),
        headers: config.headers,
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("geen antwoord binnen 30 s")));
    req.on("error", reject);
    req.end();
  });
}

async function run(seconds: number, maxRequests: number) {
  const latencies = new Float64Array(maxRequests);
  let issued = 0;
  let done = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  let bytes = 0;
  const statuses: Record<string, number> = {};
  const fail = (what: string) => {
    failures++;
    firstFailure ??= what;
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const server = servers[i % servers.length] ?? target;
      while (performance.now() < deadline && issued < maxRequests) {
        issued++;
        const t0 = performance.now();
        try {
          const reply = await once(server);
          latencies[done++] = performance.now() - t0;
          bytes += reply.bytes;
          statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
          if (config.anyStatus === true) continue;
          if (reply.status !== config.expectStatus) fail(`status ${reply.status}`);
          else if (config.expectBytes !== undefined && reply.bytes !== config.expectBytes)
            fail(`${reply.bytes} bytes in plaats van ${config.expectBytes}`);
        } catch (error) {
          latencies[done++] = performance.now() - t0;
          fail(String(error));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const sorted = latencies.subarray(0, done).sort();
  const quantile = (q: number) => sorted[Math.min(done - 1, Math.floor(q * done))] ?? Number.NaN;
  const result: LoadResult = {
    requests: done,
    failures,
    seconds: elapsed,
    requestsPerSecond: done / elapsed,
    p50Ms: quantile(0.5),
    p95Ms: quantile(0.95),
    p99Ms: quantile(0.99),
    maxMs: sorted[done - 1] ?? Number.NaN,
    bytesPerResponse: done === 0 ? 0 : bytes / done,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
  if (firstFailure !== undefined) result.firstFailure = firstFailure;
  if (config.anyStatus === true) result.statuses = statuses;
  return result;
}

const seconds = Math.max(0.5, Math.min(config.seconds, 60));
const maxRequests = Math.max(1, Math.min(config.maxRequests, 2_000_000));
if (config.warmupSeconds > 0) await run(Math.min(config.warmupSeconds, 10), maxRequests);
const result = await run(seconds, maxRequests);
agent.destroy();
if (process.send === undefined) console.log(JSON.stringify(result));
else process.send(result, undefined, {}, () => process.exit(0));
