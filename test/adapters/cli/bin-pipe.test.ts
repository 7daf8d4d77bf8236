import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");

it("stops quietly (exit 0, nothing on stderr) when the reader closes the pipe, as `| head` does", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "ziping-pipe-")), "none.db");
  const child = spawn(
    process.execPath,
    [join(root, "bin/ziping.js"), "check", join(root, "fixtures/seeds/000_0839647822e00506.txt"), "--db", db],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ZIPING_FROM_SOURCE: "1" } },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  // A child process with TypeScript loading: under a loaded machine it takes longer than vitest's 5 s default.
}, 60_000);
