import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

// `zaz instrument list | head -1`: when the reader goes away, zaz stops quietly, without a stack.
it("stops quietly when the reader of its output goes away", async () => {
  const child = spawn(
    process.execPath,
    ["--conditions=zaz-source", "--import", "tsx", "src/bin.ts", "instrument", "list", "--format", "json"],
    { cwd: join(import.meta.dirname, ".."), env: { ...process.env, NO_COLOR: "1" } },
  );
  // the pipe is closed before zaz writes anything
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toContain("EPIPE");
  expect(stderr).toBe("");
  expect(code).toBe(0);
}, 30_000);
