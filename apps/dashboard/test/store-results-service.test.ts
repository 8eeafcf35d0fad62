import { demoResults } from "@zaz/dashboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Demo = Awaited<ReturnType<typeof demoResults>>;
let demo: Demo;
let queries = 0;

beforeAll(async () => {
  demo = await demoResults();
  // count every analysis query that reaches the database
  const analysis = demo.store.analysis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(analysis)) {
    const query = analysis[name]!;
    analysis[name] = (...args: unknown[]) => {
      queries++;
      return query(...args);
    };
  }
}, 120_000);

afterAll(async () => {
  await demo.close();
});

describe("StoreResultsService", () => {
  it("reads a scope's filter options once per data version", async () => {
    const school = demo.fixture.besturen[0]!.schools[0]!.id;
    const bestuur = demo.fixture.besturen[0]!.id;
    const first = await demo.service.filters({ school });
    expect(first?.waves.length).toBeGreaterThan(0);
    await demo.service.filters({ bestuur });
    queries = 0;
    expect(await demo.service.filters({ school })).toEqual(first);
    await demo.service.filters({ bestuur });
    expect(queries).toBe(0);
    // an unknown id is answered, and not kept
    expect(await demo.service.filters({ school: "bestaat-niet" })).toBeUndefined();
    // after a change of the data they are read again
    await demo.store.replaceRoster([], "leeg.csv");
    expect(await demo.service.filters({ school })).toEqual(first);
    expect(queries).toBeGreaterThan(0);
  });
});
