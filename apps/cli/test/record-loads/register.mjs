// Preload (`--import`) for the lazy-start test: records every module that this process resolves,
// one JSON line { specifier, url, parent } per resolution, to the file named by ZAZ_LOAD_LOG.
// Registered after tsx, so its resolve hook runs first and sees the URL that tsx resolves to.
import { register } from "node:module";

const log = process.env.ZAZ_LOAD_LOG;
if (log) register("./hooks.mjs", import.meta.url, { data: { log } });
