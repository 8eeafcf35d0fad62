import { defaultServerConditions } from "vite";
import { configDefaults, defineConfig } from "vitest/config";

// Tests run against each package's TypeScript source (the "zaz-source" export
// condition), so `vitest` needs no build and a change is seen at once.
const conditions = ["zaz-source", ...defaultServerConditions];

// The contract suite: the store's tests and the end-to-end CLI/report tests, run once per store.
const contract = ["packages/store/test/**/*.test.ts", "test/**/*.test.ts"];
// not about a store, or drives a browser (which runs once, on DuckDB)
const once = [
  "test/browser/**/*.test.ts",
  "test/postgres-cluster.test.ts",
  "test/cli-instrument.test.ts",
  // a timing test of the dashboard's compute limits: twice at once, the runs would disturb each other
  "test/dashboard-hostile-load.test.ts",
];
const exclude = [...configDefaults.exclude, ...once];

const shared = {
  globalSetup: ["test/global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "duckdb",
          include: contract,
          // PostgreSQL's own tests (its migrations, parity with DuckDB, LISTEN/NOTIFY)
          exclude: [...exclude, "packages/store/test/postgres/**"],
          env: { ZAZ_TEST_STORE: "duckdb" },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "postgres",
          include: contract,
          // pure logic or DuckDB file paths, the same on both runs
          exclude: [
            ...exclude,
            "packages/store/test/user-scopes-json.test.ts",
            "packages/store/test/pseudonym-key.test.ts",
          ],
          env: { ZAZ_TEST_STORE: "postgres" },
          // one throw-away PostgreSQL server for the project (test/support/postgres-cluster.ts)
          globalSetup: [...shared.globalSetup, "test/postgres-global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "rest",
          include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", ...once],
          exclude: [...configDefaults.exclude, "packages/store/test/**"],
        },
      },
    ],
  },
});
