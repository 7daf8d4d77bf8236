import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scriptMessageId } from "../../../src/adapters/cli/chat-command.ts";
import { openDatabase, Store } from "../../../src/storage/index.ts";
import { Chat, fixture, lastQuestion, script, testApp } from "../../services/chat-harness.ts";

const ROOT = join(import.meta.dirname, "../../..");
const BIN = join(ROOT, "bin/ziping.js");
const SCRIPT = join(ROOT, "fixtures/conversations/seed-000.txt");

/** Runs `ziping chat --script` slowly and SIGKILLs it once the reply to message `after` has been printed. */
function runAndKill(db: string, after: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        "chat",
        "--script",
        SCRIPT,
        "--db",
        db,
        "--user",
        "liu",
        "--delay",
        "300",
        "--out",
        join(db, "..", "out"),
      ],
      { cwd: ROOT, env: { ...process.env, ZIPING_FROM_SOURCE: "1" } },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`>>> [${after + 1}/`)) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve(out) : reject(new Error(`not killed: ${out.slice(-500)}`)),
    );
  });
}

describe("ziping chat survives SIGKILL", () => {
  it("loses no accepted answer and asks the right next question after a restart", {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "ziping-kill-"));
    const db = join(dir, "ziping.db");
    await runAndKill(db, 3);

    const store = new Store(openDatabase(db));
    const messages = script("seed-000.txt");
    let done = 0;
    for (const [i] of messages.entries())
      if ((await store.getProcessedMessage(scriptMessageId("liu", "seed-000.txt", i + 1))) !== undefined)
        done++;
    store.close();
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(messages.length);

    // The same messages in a process that was never killed.
    const clean = new Chat(testApp());
    for (const m of messages.slice(0, done)) await clean.send(m);
    const expected = lastQuestion((await clean.resume()).replies);
    expect(expected).toBeDefined();

    const out = execFileSync(
      process.execPath,
      [BIN, "chat", "--script", SCRIPT, "--db", db, "--user", "liu", "--out", join(dir, "out")],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, ZIPING_FROM_SOURCE: "1" } },
    );
    const resumed = out.slice(0, out.indexOf(">>> [1/"));
    expect(resumed).toContain(
      `[已完成 ${expected?.progress.done}/${expected?.progress.total} 项] ${expected?.text}`,
    );
    expect(out.split("（这条消息之前已处理过，未重复保存）").length - 1).toBe(done);

    const after = new Store(openDatabase(db));
    const reports = await after.listReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.doc).toEqual(fixture("seed-000.json"));
    after.close();
  });
});
