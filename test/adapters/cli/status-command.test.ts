import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { statusLines } from "../../../src/adapters/cli/status-command.ts";
import { DeliveryJobs, Leases, openDatabase, Store } from "../../../src/storage/index.ts";
import { run } from "./cli-harness.ts";

/** `ziping status`: what an operator checks on a deployment, on the database the command opens. */

const dir = mkdtempSync(join(tmpdir(), "ziping-status-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const t0 = new Date("2026-12-04T08:00:00.000Z");

describe("ziping status", () => {
  it("shows where the data is, the reports, the draft jobs with the last failure, and the leases", async () => {
    const db = join(dir, "ziping.db");
    const sqlite = openDatabase(db);
    const store = new Store(sqlite);
    await store.ensureUser("U1", undefined, t0);
    await store.createReport({ id: "r1", createdBy: "U1", doc: {}, now: t0 });
    const jobs = new DeliveryJobs(sqlite);
    await jobs.add({ conversationKey: "wecom:c1", reportId: "r1", doc: {}, now: t0 });
    await jobs.add({ conversationKey: "wecom:c2", reportId: "r1", doc: {}, now: t0 });
    await jobs.claim({ prefixes: ["wecom:"], worker: "host-a:101", now: t0, leaseMs: 60_000 });
    await jobs.fail(1, "host-a:101", "上传被拒绝：文件过大", new Date("2026-12-04T08:01:00.000Z"));
    await new Leases(sqlite).acquire("wecom:bot1", "host-b:202:ab12cd", t0, 15_000);
    sqlite.close();

    const r = await run("status", "--db", db);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([
      `数据库：SQLite 文件 ${db}`,
      "报告：1 份；抄袭比对语料库：0 份",
      "生成报告的任务：等待 1，生成中 0，失败 1，已完成 0",
      "  最近一次失败：报告 r1，2026-12-04 08:01:00 UTC，原因：上传被拒绝：文件过大",
      "单连接租约（只允许一条连接的平台，如企业微信智能机器人）：",
      // The lease ran out long before the test ran: its holder stopped.
      "  wecom:bot1：host-b:202:ab12cd，到 2026-12-04 08:00:15 UTC（已过期：持有的实例已停止，其他实例会接管）",
    ]);
    const json = JSON.parse((await run("status", "--db", db, "--json")).out) as Record<string, unknown>;
    expect(json).toEqual({
      database: `SQLite 文件 ${db}`,
      reports: 1,
      corpus: 0,
      jobs: {
        pending: 1,
        running: 0,
        failed: 1,
        done: 0,
        lastFailure: { reportId: "r1", at: "2026-12-04T08:01:00.000Z", error: "上传被拒绝：文件过大" },
      },
      leases: [{ name: "wecom:bot1", holder: "host-b:202:ab12cd", expiresAt: "2026-12-04T08:00:15.000Z" }],
    });
  });

  it("a lease still running shows no expiry note; none at all says so", () => {
    const status = {
      reports: 0,
      corpus: 0,
      jobs: { pending: 0, running: 0, failed: 0, done: 0, lastFailure: null },
      leases: [{ name: "wecom:bot1", holder: "h:1", expiresAt: "2026-12-04T08:00:15.000Z" }],
    };
    expect(statusLines(status, "PostgreSQL db:5432/ziping", t0).at(-1)).toBe(
      "  wecom:bot1：h:1，到 2026-12-04 08:00:15 UTC",
    );
    expect(statusLines({ ...status, leases: [] }, "PostgreSQL db:5432/ziping", t0).at(-1)).toBe(
      "单连接租约：无（没有实例连接企业微信智能机器人等只允许一条连接的平台）",
    );
  });
});
