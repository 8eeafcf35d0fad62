import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { listen } from "@zaz/dashboard";
import { demoUsers } from "@zaz/dashboard/testing";
import { describe, expect, it } from "vitest";
import { secret, sharedDemo } from "./helpers.js";

async function serving() {
  return listen(
    {
      results: (await sharedDemo()).service,
      users: await demoUsers(),
      config: { sessionSecret: secret, secureCookies: false },
      log: () => {},
    },
    { host: "127.0.0.1", port: 0 },
  );
}

describe("graceful shutdown", () => {
  it("closes an idle keep-alive connection at once instead of waiting for the client", async () => {
    const server = await serving();
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest(`${server.url}/login`, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(200);
    const started = Date.now();
    await server.close(5000);
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });

  it("cuts a connection that stays busy once the deadline has passed", async () => {
    const server = await serving();
    const address = new URL(server.url);
    // a client that sends half a request and then holds its connection open
    const socket = connect(Number(address.port), address.hostname);
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    socket.write("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n");
    const ended = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.close(300);
    const took = Date.now() - started;
    await ended;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2000);
  });
});
