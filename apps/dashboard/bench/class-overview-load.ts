/**
 * Load test of the class overview API: loopback only, fixed duration, bounded concurrency.
 * Reports p50/p95 latency and requests per second. Run: node --import tsx --conditions=zaz-source
 * apps/dashboard/bench/class-overview-load.ts [seconds] [concurrency]
 */
import { request } from "node:http";
import { listen } from "@zaz/dashboard";
import { demoPassword, demoUsers } from "@zaz/dashboard/testing";
import { loadExampleData } from "../test/real-data.js";

const durationMs = Math.min(Number(process.argv[2] ?? 10), 60) * 1000;
const concurrency = Math.min(Number(process.argv[3] ?? 8), 64);

function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

function cookiesOf(headers: Record<string, string | string[] | undefined>, jar: Map<string, string>): void {
  for (const cookie of (headers["set-cookie"] as string[] | undefined) ?? []) {
    const [pair] = cookie.split(";");
    const [name, value] = pair!.split("=");
    jar.set(name!, value!);
  }
}

// The real service on the example data, as `npm start` serves it.
const data = await loadExampleData();
const serving = await listen(
  {
    results: data.service,
    users: await demoUsers(),
    config: {
      sessionSecret: "bench-secret-0123456789abcdef0123456789",
      secureCookies: false,
      apiRequestsPerMinute: 1e9,
    },
  },
  { host: "127.0.0.1", port: 0 },
);

try {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const loginPage = await call(`${serving.url}/login`, {});
  cookiesOf(loginPage.headers, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)?.[1] ?? "";
  const login = await call(`${serving.url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ username: "beheerder", password: demoPassword, _csrf: csrf }).toString(),
  });
  if (login.status !== 303) throw new Error(`login failed: ${login.status}`);
  cookiesOf(login.headers, jar);

  const target = `${serving.url}/api/class-overview?school=de-regenboog&wave=2026-voorjaar`;
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const response = await call(target, { headers: { cookie: cookie() } });
        latencies.push(performance.now() - t0);
        if (response.status !== 200) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const report = {
    benchmark: "dashboard class overview API",
    seconds: Math.round(elapsed * 10) / 10,
    concurrency,
    requests: latencies.length,
    failures,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: Math.round(quantile(0.5) * 10) / 10,
    p95Ms: Math.round(quantile(0.95) * 10) / 10,
  };
  console.log(JSON.stringify(report));
  if (failures > 0) process.exitCode = 1;
} finally {
  await serving.close();
  await data.close();
}
