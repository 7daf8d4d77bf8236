import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reviewWorkbook } from "../../../src/services/review/review-xlsx.ts";
import { sampleResult } from "./review-html-sample.ts";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** Every row of a sheet as the values of its cells, empty cells as null. */
function rows(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? null : (v as string | number));
    }
    out.push(cells);
  }
  return out;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

describe("review.xlsx", () => {
  it("has the overview, all findings, per-rule, copied passages and run sheets, in that order", async () => {
    const workbook = await readBack(await reviewWorkbook(sampleResult()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "总览",
      "全部发现",
      "按规则",
      "疑似抄袭",
      "运行情况",
    ]);
  }, 120_000);

  it("overview: one row per report in ranked order, every column in Chinese, numbers as numbers", async () => {
    const overview = sheet(await readBack(await reviewWorkbook(sampleResult())), "总览");
    const all = rows(overview);
    expect(all[0]).toEqual([
      "排名",
      "类别",
      "文件",
      "报告部分",
      "单位",
      "年度",
      "类型",
      "项目",
      "评分方案",
      "填报得分",
      "按规则得分",
      "得分差",
      "填报等级",
      "按规则等级",
      "错误",
      "警告",
      "提示",
      "最严重的问题",
      "未能读出或核查",
      "来自OCR",
      "说明",
    ]);
    expect(all.slice(1)).toEqual([
      [
        1,
        "无法读取",
        "报告/2024/坏.docx",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        0,
        "无法读取：文件 坏.docx 不是有效的 Word 文件",
        "文件 坏.docx 不是有效的 Word 文件",
        "否",
        null,
      ],
      [
        2,
        "得分待核",
        "报告/2024/南县财政局.pdf",
        "主报告",
        "南县财政局",
        2024,
        "部门整体",
        null,
        "财预〔2020〕10号",
        100,
        96,
        4,
        "优",
        "优",
        2,
        1,
        0,
        "错误 · 合计：合计100分，各一级指标相加为96分",
        null,
        "是",
        null,
      ],
      [
        3,
        "一般",
        "报告/2024/南县财政局.pdf",
        "附件1 项目支出绩效自评表",
        "（未读出）",
        2024,
        "项目支出（未写明，按此核查）",
        "乡村道路养护",
        "财预〔2020〕10号",
        88,
        88,
        0,
        "良",
        "良",
        0,
        1,
        0,
        "警告 · 五、发现的主要问题和改进措施：问题和改进措施只有套话。",
        "单位：附件没有写明",
        "否",
        null,
      ],
      [
        4,
        "重复",
        "报告/2024/南县财政局（副本）.pdf",
        "主报告",
        "南县财政局",
        2024,
        "部门整体",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        0,
        null,
        null,
        "否",
        "与 报告/2024/南县财政局.pdf 重复（文件内容完全相同）",
      ],
    ]);
  }, 120_000);

  it("overview: filter on the header, header frozen, text wrapped, rows needing attention filled", async () => {
    const overview = sheet(await readBack(await reviewWorkbook(sampleResult())), "总览");
    expect(overview.autoFilter).toBe("A1:U5");
    expect(overview.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: 1 })]);
    expect(overview.getColumn(3).width).toBe(36);
    expect(overview.getRow(2).getCell(18).alignment).toEqual({ vertical: "top", wrapText: true });
    expect(overview.getRow(1).font).toEqual(expect.objectContaining({ bold: true }));
    const fill = (r: number) => {
      const f = overview.getRow(r).getCell(1).fill;
      return f?.type === "pattern" ? f.fgColor?.argb : undefined;
    };
    // Unreadable and a score to verify: filled; the plain report and the duplicate: not.
    expect([fill(2), fill(3), fill(4), fill(5)]).toEqual(["FFFDE2E2", "FFFDE2E2", undefined, undefined]);
  }, 120_000);

  it("全部发现: every finding of the result once, with file, severity in Chinese, location, quote and OCR", async () => {
    const findings = sheet(await readBack(await reviewWorkbook(sampleResult())), "全部发现");
    expect(rows(findings)).toEqual([
      [
        "排名",
        "文件",
        "单位",
        "严重程度",
        "规则代码",
        "说明",
        "位置",
        "字段",
        "原文",
        "应为",
        "实为",
        "来自OCR",
      ],
      [
        2,
        "报告/2024/南县财政局.pdf",
        "南县财政局",
        "错误",
        "score.total_mismatch",
        "合计100分，各一级指标相加为96分。请改正合计。",
        "合计",
        "selfScore",
        "合计 100",
        96,
        100,
        "是",
      ],
      [
        2,
        "报告/2024/南县财政局.pdf",
        "南县财政局",
        "错误",
        "budget.rate_base",
        "执行率按年初预算计算 <b>105%</b> & 应按调整后预算。",
        "预算执行率",
        "budget.rate",
        '<script>alert("x")</script>执行率105%',
        null,
        null,
        "否",
      ],
      [
        2,
        "报告/2024/南县财政局.pdf",
        "南县财政局",
        "警告",
        "narrative.generic",
        "问题和改进措施只有套话。",
        "五、发现的主要问题和改进措施",
        "sections[4]",
        null,
        null,
        null,
        "否",
      ],
      [
        3,
        "报告/2024/南县财政局.pdf【附件1 项目支出绩效自评表】",
        "（未读出）",
        "警告",
        "narrative.generic",
        "问题和改进措施只有套话。",
        "五、发现的主要问题和改进措施",
        "sections[4]",
        "进一步加强管理",
        null,
        null,
        "否",
      ],
    ]);
    expect(findings.autoFilter).toBe("A1:L5");
  }, 120_000);

  it("按规则 and 疑似抄袭: the per-rule view and both sides of each copied passage", async () => {
    const workbook = await readBack(await reviewWorkbook(sampleResult()));
    expect(rows(sheet(workbook, "按规则"))).toEqual([
      ["规则代码", "严重程度", "涉及报告数", "发现数", "示例说明", "涉及的报告"],
      [
        "narrative.generic",
        "警告",
        2,
        2,
        "问题和改进措施只有套话。",
        "报告/2024/南县财政局.pdf【主报告】\n报告/2024/南县财政局.pdf【附件1 项目支出绩效自评表】",
      ],
      [
        "score.total_mismatch",
        "错误",
        1,
        1,
        "合计100分，各一级指标相加为96分。请改正合计。",
        "报告/2024/南县财政局.pdf【主报告】",
      ],
    ]);
    expect(rows(sheet(workbook, "疑似抄袭"))).toEqual([
      [
        "单位甲",
        "单位乙",
        "字数",
        "甲：文件",
        "甲：年度",
        "甲：来源",
        "甲：原文",
        "乙：文件",
        "乙：年度",
        "乙：来源",
        "乙：原文",
      ],
      [
        "南县发改局",
        "南县财政局",
        18,
        "报告/2024/南县发改局.docx",
        2024,
        "本批",
        "获取服务对象对发改委主要工作的满意度",
        "报告/2024/南县财政局.pdf",
        2024,
        "本批",
        "获取服务对象对发改委主要工作满意度",
      ],
    ]);
  }, 120_000);

  it("运行情况: the run's facts in Chinese, the time in Beijing time, skipped paths with their reason", async () => {
    const run = sheet(await readBack(await reviewWorkbook(sampleResult())), "运行情况");
    expect(rows(run)).toEqual([
      ["项目", "内容"],
      ["审阅时间", "2026-12-04 05:10:28（北京时间）"],
      ["审阅的文件夹和文件", "报告/2024"],
      ["找到的报告文件", "4 个（另有 1 个其他文件未读取）"],
      ["审阅的文件", "4 个，共 4 份报告"],
      ["用时", "3.2 秒"],
      ["评分方案", "按各报告自动选择"],
      ["未审阅的路径", "报告/2024/环：报告/2024/环 指回上级文件夹，已跳过"],
    ]);
  }, 120_000);

  it("a text too long for one Excel cell is cut with a note; control characters XML cannot hold are dropped", async () => {
    const result = sampleResult();
    const finding = result.entries[1]?.findings[0];
    if (finding === undefined) throw new Error("sample changed");
    finding.quote = `甲\u0001乙${"长".repeat(40_000)}`;
    const findings = sheet(await readBack(await reviewWorkbook(result)), "全部发现");
    const quote = String(findings.getRow(2).getCell(9).value);
    expect(quote.length).toBe(32_767);
    expect(quote.startsWith("甲乙长长")).toBe(true);
    expect(quote.endsWith("长…（超出 Excel 单元格上限，全文见 review.json）")).toBe(true);
  }, 120_000);
});
