import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./cli-harness.ts";

/** Issue 15: a scheme path for every region — skipped choices come back, stated blocks are confirmed. */
const dir = mkdtempSync(join(tmpdir(), "ziping-chat-scheme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each reply of a scripted chat, without the question that follows it. */
async function chat(db: string, name: string, messages: string[]): Promise<string[]> {
  const script = join(dir, name);
  writeFileSync(script, messages.join("\n---\n"));
  const r = await run("chat", "--script", script, "--db", join(dir, db), "--user", "officer");
  expect(r.code).toBe(0);
  return r.out.split(/>>> \[\d+\/\d+\] officer：/u).map((part) => part.split("\n[已完成")[0] ?? "");
}

const FIRST = "某某县数据中心，2022年度网络运维项目支出绩效自评，地区：甘肃省某某县";
const CHOICES = [
  "  1. 财预〔2020〕10号 项目支出绩效自评（全国默认）",
  "  2. 按本表结构（报告自身的一级指标和分值）",
  "  3. 我来说一级指标和分值",
].join("\n");

describe("a scheme path for a region with no scheme of its own (issue 15)", () => {
  it("a skipped scheme is asked again by 现在多少分 and 生成报告, and at the next start", async () => {
    const replies = await chat("skip.db", "skip.txt", [FIRST, "跳过", "现在多少分", "跳过", "生成报告"]);
    expect(replies[3]).toBe(
      "\n现在多少分\n\nziping：\n· 还不能计分：还没有选择评分办法。请从下面选一个，也可以说“按本表结构”，或“我来说一级指标和分值”。",
    );
    expect(replies[5]).toBe(
      "\n生成报告\n\nziping：\n· 生成报告要先选定评分办法（报告里的得分、等级和失分说明都按它计算）。请从下面选一个，选好后再说“生成报告”。",
    );
    // Nothing was exported: no draft scored under a scheme nobody chose.
    writeFileSync(join(dir, "empty.txt"), "");
    const resumed = await run(
      "chat",
      "--script",
      join(dir, "empty.txt"),
      "--db",
      join(dir, "skip.db"),
      "--user",
      "officer",
    );
    expect(resumed.out).toContain(
      `欢迎回来，上次填到这里（已完成 5/14 项）。\n[已完成 5/14 项] 按哪个评分办法计分？请选择：\n${CHOICES}`,
    );
  });

  it("我来说一级指标和分值: the list is read, refused when it does not add up, shown for 确认, then scores", async () => {
    const replies = await chat("stated.db", "stated.txt", [
      FIRST,
      "我来说一级指标和分值",
      "决策20分，过程20分，产出30分，效益20分",
      "决策20分，过程20分，产出40分，效益20分",
      "确认",
      "现在多少分",
    ]);
    expect(replies[2]).toBe(
      "\n我来说一级指标和分值\n\nziping：\n好的，请按“一级指标+分值”说一遍，合计100分，例如：投入20分，过程20分，产出40分，效益20分。说完后我会列出来请您确认。",
    );
    expect(replies[3]).toContain("✗ 这些一级指标的分值合计90分，不是100分");
    expect(replies[4]).toContain(
      "将按您说的一级指标和分值计分：决策20分、过程20分、产出40分、效益20分，合计100分。",
    );
    expect(replies[5]).toBe(
      "\n确认\n\nziping：\n已记录：评分办法：按您说的一级指标和分值（决策20分、过程20分、产出40分、效益20分，合计100分）",
    );
    expect(replies[6]).toBe(
      "\n现在多少分\n\nziping：\n· 按《填报人说明的一级指标和分值》计分要看绩效指标，现在还没有填写任何指标，暂不计分。可以直接粘贴从 Excel/Word 复制的指标表，或按提问逐项填写。",
    );
  });

  it("换评分办法 lists the choices; 把评分办法改成我来说的 asks for the list", async () => {
    const replies = await chat("change.db", "change.txt", [
      FIRST,
      "1",
      "换评分办法",
      "把评分办法改成我来说的",
    ]);
    expect(replies[2]).toContain("已记录：评分办法：财预〔2020〕10号 项目支出绩效自评（全国默认）");
    expect(replies[3]).toBe(
      "\n换评分办法\n\nziping：\n可以改成：财预〔2020〕10号 项目支出绩效自评（全国默认）、按本表结构、我来说一级指标和分值，例如：把评分办法改成按本表结构；或直接说一级指标和分值：投入20分，过程20分，产出40分，效益20分",
    );
    expect(replies[4]).toContain("好的，请按“一级指标+分值”说一遍，合计100分");
  });
});

describe("生成报告 never drafts a score that cannot be computed (issue 15)", () => {
  it("按本表结构 with no weighted table: says why and how to go on, exports nothing", async () => {
    const replies = await chat("table.db", "table.txt", [FIRST, "2", "生成报告"]);
    expect(replies[3]).toBe(
      "\n生成报告\n\nziping：\n· 还不能按本表结构计分：指标表还没有写明一级指标及其分值（例如“产出指标（40分）”）。报告里的得分、等级和失分说明都要按评分办法计算，所以还不能生成报告；也可以说“把评分办法改成…”换一个。",
    );
  });
});
