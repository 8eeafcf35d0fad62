import { processEffects } from "./effects.js";
import { main } from "./main.js";

// `zaz report … | head`: the reader went away, which is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processEffects());
