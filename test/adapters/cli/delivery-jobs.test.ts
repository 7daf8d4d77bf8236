import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Chat, script, testApp } from "../../services/chat-harness.ts";
import { run } from "./cli-harness.ts";

/** Issue 16 item 3: 生成报告 is recorded with its turn, so a crash while drafting loses nothing. */
const dir = mkdtempSync(join(tmpdir(), "ziping-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL", "LLM_RESPONSE_FORMAT"])
    vi.stubEnv(name, "");
  return () => vi.unstubAllEnvs();
});

describe("a requested draft survives a crash (issue 16)", () => {
  it("a 生成报告 whose process died before the files is finished at the next start, once", async () => {
    const db = join(dir, "chat.db");
    // The turns are committed, the delivery never runs: as if the process died while drafting.
    const app = testApp(db);
    const chat = new Chat(app, "liu");
    const turns = await chat.sendAll(script("real-43-anhui-project.txt"));
    expect(turns.at(-1)?.deliveries.map((d) => [d.reportId, d.jobId])).toEqual([["r1", 1]]);
    expect((await app.chat.pendingDeliveries("cli:liu")).map((d) => d.reportId)).toEqual(["r1"]);
    app.close();

    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "");
    const out = join(dir, "out");
    const first = await run("chat", "--script", empty, "--db", db, "--user", "liu", "--out", out);
    expect(first.code).toBe(0);
    expect(first.out).toContain("上次“生成报告”（报告 r1）没有完成，现在接着生成：");
    expect(readdirSync(out).sort()).toEqual(["r1.docx", "r1.json", "r1.md"]);
    rmSync(join(out, "r1.docx"));
    const second = await run("chat", "--script", empty, "--db", db, "--user", "liu", "--out", out);
    expect(second.out).not.toContain("没有完成");
    expect(existsSync(join(out, "r1.docx"))).toBe(false);
  });
});
