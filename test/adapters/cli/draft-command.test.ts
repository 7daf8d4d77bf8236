import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { findPageTools, renderPages } from "../../../scripts/render-pages.ts";
import { contentText } from "../../../src/importing/files/document-content.ts";
import { OFFICE_ZIP_LIMITS } from "../../../src/importing/files/file-limits.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { scanZip } from "../../../src/importing/files/zip-reader.ts";
import { pngSize } from "../../../src/rendering/png-size.ts";
import { run, writeIn } from "./cli-harness.ts";

/**
 * `ziping draft` end to end through `runCli`, with no model configured (the LLM variables are
 * cleared, whatever the developer's shell holds): the acceptance draft of seed 000, and bad input.
 */

const root = join(import.meta.dirname, "../../..");
const SEED_000 = join(root, "fixtures/reports/seed-000.json");
const dir = mkdtempSync(join(tmpdir(), "ziping-draft-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL", "LLM_RESPONSE_FORMAT"])
    vi.stubEnv(name, "");
  return () => vi.unstubAllEnvs();
});

/** The text of a level-2 section: from its heading to the next level-2 heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const next = markdown.indexOf("\n## ", start + 3);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe("ziping draft without a model", () => {
  it("writes seed 000 as Markdown whose 问题和改进措施 names every point lost by the rules", async () => {
    const out = join(dir, "seed-000.md");
    const r = await run("draft", SEED_000, "--out", out, "--db", join(dir, "a.db"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 3)).toEqual([
      `已写入：${out}`,
      "起草方式：确定性起草（未配置模型）",
      "按规则得分：92.71分（优）；评分方案：河南郑州区县 部门整体绩效自评",
    ]);
    const md = readFileSync(out, "utf8");
    expect(md.split("\n")[0]).toBe("# 郑州市金水区电子政务中心2021年度部门整体支出绩效自评报告");
    const problems = section(md, "五、发现的主要问题和改进措施");
    // deductionsOf(card).rule for seed 000: 效益指标 5 (its rows' 分值 add up to 25 of 30),
    // 结转结余率 1, 提高业务工作水平 1, 预算执行 0.29 — 7.29 in all (100 − 92.71).
    expect(problems).toContain("共失7.29分");
    expect(problems).toContain("差额部分没有对应的三级指标、无从得分，失5分。");
    expect(problems).toContain("“提高业务工作水平”失1分");
    expect(problems).toContain("“结转结余率”失1分");
    expect(problems).toContain("“预算执行（预算执行率）”失0.29分");
    // The officer's own cuts the rules do not support are named too.
    expect(problems).toContain("“辖区居民满意”自评只得4分（分值5分）");
    expect(problems).toContain("改进措施");
    // No section anywhere is answered 无 (the seed's 五、七、八 were).
    const lines = md.split("\n").map((l) => l.trim());
    expect(lines.filter((l) => /^(无|暂无|无。)$/.test(l))).toEqual([]);
    for (const heading of ["七、绩效自评工作的经验、问题和建议", "八、其他需要说明的问题"])
      expect(
        section(md, heading)
          .split("\n")
          .filter((l) => l.trim() !== "").length,
      ).toBeGreaterThan(1);
    // The checker's findings on the draft are listed at the end.
    expect(md).toContain("## 附：核查发现");
    expect(md).toContain("（weights.block_sum）");
    expect(md.trimEnd().split("\n").at(-1)).toBe(
      "本稿由 ziping 生成（确定性起草（未配置模型））；评分依据：河南郑州区县 部门整体绩效自评。",
    );
  });

  it("writes seed 000 as a Word document with the official headings, the merged 自评表 and the chart", async () => {
    const out = join(dir, "seed-000.docx");
    const r = await run("draft", SEED_000, "--out", out, "--db", join(dir, "a.db"));
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    const parts = scanZip(bytes, OFFICE_ZIP_LIMITS, () => true);
    if (!parts.ok) throw new Error(parts.failure.detail);
    const names = [...parts.value.keys()];
    expect(names).toContain("word/document.xml");
    expect(names.filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(1);
    const xml = new TextDecoder().decode(parts.value.get("word/document.xml"));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // The 投入管理指标 cell spans its 19 rows: one restart and 18 continuations in that column.
    expect(xml).toContain('w:vMerge w:val="restart"');
    // Read back with the importer's own Word reader: headings in order, the drafted text, the tables.
    const content = await readDocument("seed-000.docx", bytes);
    if (!content.ok) throw new Error(content.error.message);
    const text = contentText(content.value);
    const headings = [
      "一、基本情况",
      "二、绩效自评工作开展情况",
      "三、综合评价结论",
      "四、绩效目标实现情况分析",
      "五、发现的主要问题和改进措施",
      "六、绩效自评结果拟应用和公开情况",
      "七、绩效自评工作的经验、问题和建议",
      "八、其他需要说明的问题",
      "\n附：核查发现\n",
    ];
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("共失7.29分");
    expect(text).toContain("郑州市金水区电子政务中心");
    expect(text).toContain("92.71（原填96）");
  });

  const tools = findPageTools();
  it.skipIf(tools === null)(
    "renders the seed 000 Word draft to A4 pages with LibreOffice (skipped without soffice/pdftoppm)",
    async () => {
      const docx = join(dir, "pages.docx");
      expect((await run("draft", SEED_000, "--out", docx, "--db", join(dir, "a.db"))).code).toBe(0);
      const rendered = renderPages(docx, join(dir, "pages"), { tools, dpi: 40 });
      if (!rendered.ok) throw new Error(rendered.error.message);
      // 17 pages with the fonts here (Noto CJK standing in for 仿宋_GB2312); the count depends on fonts.
      expect(rendered.value.pages).toBeGreaterThanOrEqual(10);
      expect(rendered.value.images).toHaveLength(rendered.value.pages);
      // A4 at 40 dpi: 595.3 × 841.9 pt → 331 × 468 px.
      expect(pngSize(readFileSync(rendered.value.images[0] ?? ""))).toEqual({ width: 331, height: 468 });
    },
    120_000,
  );

  it("says which figures are missing instead of inventing them", async () => {
    const report = JSON.parse(readFileSync(SEED_000, "utf8"));
    delete report.budget.executed;
    delete report.budget.reportedRate;
    const file = writeIn(dir, "half.json", JSON.stringify(report));
    const out = join(dir, "half.md");
    const r = await run("draft", file, "--out", out, "--db", join(dir, "a.db"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("待补充数据");
    expect(r.out).toContain("预算执行数");
    const md = readFileSync(out, "utf8");
    expect(md).toContain(
      "## 附：待补充数据\n\n以下数据报告中没有提供，本稿未作推测，请补充后重新生成：\n\n- 预算执行数\n",
    );
    // The drafted sections never state the missing total (the sub-row 财政性资金 still holds 545.06).
    const problems = section(md, "五、发现的主要问题和改进措施");
    expect(problems).toContain("预算执行数");
    expect(problems).not.toContain("545.06");
  });

  it("refuses an output that is neither .md nor .docx, naming the option, and writes nothing", async () => {
    const out = join(dir, "seed.pdf");
    const r = await run("draft", SEED_000, "--out", out, "--db", join(dir, "a.db"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`--out 应以 .md 或 .docx 结尾，例如 --out out/自评报告.docx（读到“${out}”）。`);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses --llm on when no model is configured, saying which variables to set", async () => {
    const r = await run(
      "draft",
      SEED_000,
      "--llm",
      "on",
      "--out",
      join(dir, "x.md"),
      "--db",
      join(dir, "a.db"),
    );
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(
      "--llm on 需要配置模型：请设置 LLM_MODEL，以及 OPENAI_API_KEY 或 OPENAI_BASE_URL（参见 .env.example），或用 --llm off 使用确定性起草。",
    );
  });

  it("refuses a missing report, an unknown report id and a missing output folder", async () => {
    const missing = await run("draft", join(dir, "nope.json"), "--db", join(dir, "a.db"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("找不到文件");
    const id = await run("draft", "r00000000", "--db", join(dir, "a.db"));
    expect(id.code).toBe(2);
    expect(id.err).toBe(
      `数据库 ${join(dir, "a.db")} 中没有编号为“r00000000”的报告。用 ziping reports 查看所有报告的编号。`,
    );
    const folder = join(dir, "no-such-folder", "x.md");
    const noFolder = await run("draft", SEED_000, "--out", folder, "--db", join(dir, "a.db"));
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toBe(
      `无法写入 ${folder}：文件夹 ${join(dir, "no-such-folder")} 不存在，请先创建或换一个路径。`,
    );
  });
});
