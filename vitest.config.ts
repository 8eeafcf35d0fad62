import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests run against each package's TypeScript source (the "zaz-source" export
// condition), so `vitest` needs no build and a change is seen at once.
const conditions = ["zaz-source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
