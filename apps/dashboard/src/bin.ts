/** `node apps/dashboard/dist/bin.js`: the dashboard as a server runs it (see run-server.ts). */
import { runServer } from "./run-server.js";

const code = await runServer();
if (code !== undefined) process.exitCode = code;
