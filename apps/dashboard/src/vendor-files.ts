import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Router as createRouter, type Router } from "express";

const require = createRequire(import.meta.url);

/** The folder of an installed package (its exports map hides package.json and build files). */
function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string };
      if (manifest.name === name) return dir;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package root of ${name} not found`);
    dir = parent;
  }
}

/**
 * Serves the chart libraries from node_modules, same origin, so the CSP needs no CDN. The
 * interpreter is an ES module importing the bare name "vega-util"; browsers cannot resolve
 * bare names without an (inline) import map, so the import is pointed at a shim that takes
 * the three functions from the vega bundle already loaded.
 */
export function vendorRouter(): Router {
  const files: Record<string, string> = {
    "vega.min.js": join(packageRoot("vega"), "build", "vega.min.js"),
    "vega-lite.min.js": join(packageRoot("vega-lite"), "build", "vega-lite.min.js"),
    "vega-embed.min.js": join(packageRoot("vega-embed"), "build", "vega-embed.min.js"),
  };
  const interpreter = readFileSync(
    join(packageRoot("vega-interpreter"), "build", "vega-interpreter.js"),
    "utf8",
  );
  const rewritten = interpreter.replace(/from\s+['"]vega-util['"]/, 'from "/static/js/vega-util-shim.js"');
  if (rewritten === interpreter) throw new Error("vega-interpreter no longer imports vega-util as expected");

  const router = createRouter();
  router.get("/vega-interpreter.js", (_req, res) => {
    res.type("text/javascript").set("Cache-Control", "public, max-age=3600").send(rewritten);
  });
  for (const [name, path] of Object.entries(files)) {
    router.get(`/${name}`, (_req, res) => {
      res.type("text/javascript").set("Cache-Control", "public, max-age=3600").sendFile(path);
    });
  }
  return router;
}
