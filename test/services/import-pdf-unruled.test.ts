import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/services/import-file.ts";
import { type PdfMark, writePdf } from "../importing/files/pdf-writer.ts";

/**
 * A 项目支出绩效自评表 printed without rules (the national template's headings, columns 12–15 pt
 * apart, written by hand with pdf-writer.ts, size 10, y from the bottom): its tables are found by
 * their headers, so the report reads whole — budget figures in their columns, every indicator row.
 */

const dir = mkdtempSync(join(tmpdir(), "ziping-unruled-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cjk = (text: string, x: number, y: number, size = 10): PdfMark => ({ text, x, y, size, font: "cjk" });
const num = (text: string, x: number, y: number): PdfMark => ({ text, x, y, size: 10 });

/** Texts placed at the x of each column, on one line at y. */
function row(y: number, cells: readonly [number, string, "cjk" | "num"][]): PdfMark[] {
  return cells.map(([x, text, font]) => (font === "cjk" ? cjk(text, x, y) : num(text, x, y)));
}

/** Budget columns: label 40, 年初预算数 135, 全年预算数 197, 全年执行数 262, 分值 325, 执行率 358, 得分 400. */
const budget = (y: number, label: string, figures: readonly (string | null)[]): PdfMark[] =>
  row(y, [
    [40, label, "cjk"],
    ...figures.flatMap((f, i): [number, string, "num"][] =>
      f === null ? [] : [[[140, 200, 265, 330, 358, 402][i] ?? 0, f, "num"]],
    ),
  ]);

/** Indicator columns: 一级 40, 二级 92, 三级 160, 年度指标值 226, 实际完成值 288, 分值 350, 得分 382, 偏差 414. */
const indicator = (y: number, cells: readonly string[]): PdfMark[] =>
  row(
    y,
    cells.flatMap((text, i): [number, string, "cjk" | "num"][] =>
      text === ""
        ? []
        : [[[40, 92, 160, 226, 288, 352, 384, 414][i] ?? 0, text, /^[\d.]+$/.test(text) ? "num" : "cjk"]],
    ),
  );

const marks: PdfMark[] = [
  cjk("项目支出绩效自评表", 220, 800, 14),
  cjk("（2021年度）", 250, 782),
  ...row(760, [
    [40, "项目名称", "cjk"],
    [120, "城区道路维护项目", "cjk"],
  ]),
  ...row(746, [
    [40, "主管部门", "cjk"],
    [120, "某某市住房和城乡建设局", "cjk"],
    [300, "实施单位", "cjk"],
    [380, "某某市市政工程管理中心", "cjk"],
  ]),
  ...row(724, [
    [40, "项目资金（万元）", "cjk"],
    [135, "年初预算数", "cjk"],
    [197, "全年预算数", "cjk"],
    [262, "全年执行数", "cjk"],
    [325, "分值", "cjk"],
    [358, "执行率", "cjk"],
    [400, "得分", "cjk"],
  ]),
  ...budget(710, "年度资金总额", ["100.00", "120.00", "110.00", "10", "91.67%", "9.17"]),
  ...budget(696, "其中：当年财政拨款", ["100.00", "120.00", "110.00", null, "91.67%", null]),
  ...budget(682, "上年结转资金", ["0", "0", "0", null, null, null]),
  ...budget(668, "其他资金", ["0", "0", "0", null, null, null]),
  ...row(646, [
    [40, "年度总体目标", "cjk"],
    [130, "完成城区道路维护。", "cjk"],
  ]),
  ...indicator(624, [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]),
  ...indicator(610, ["产出指标", "数量指标", "维护道路长度", "≥50公里", "52公里", "20", "20"]),
  ...indicator(596, ["", "质量指标", "维护合格率", "≥95%", "98%", "20", "18", "个别路段返修"]),
  ...indicator(582, ["效益指标", "社会效益指标", "群众出行便利", "明显改善", "明显改善", "30", "30"]),
  ...indicator(568, ["满意度", "满意度指标", "群众满意度", "≥90%", "93%", "10", "10"]),
  ...indicator(546, ["总分", "", "", "", "", "100", "97.17"]),
];

describe("a 项目支出绩效自评表 PDF without rules", () => {
  it("imports its budget figures and indicator rows by the headers' columns", async () => {
    const path = join(dir, "unruled.pdf");
    writeFileSync(path, writePdf([{ marks }]));
    const result = await importFile(path);
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value.reports[0]?.report;
    if (report === undefined || !report.ok) throw new Error("no report");
    const r = report.value;
    expect([r.kind, r.project, r.unit.name, r.year]).toEqual([
      "project",
      "城区道路维护项目",
      "某某市市政工程管理中心",
      2021,
    ]);
    expect([r.budget.initial?.value, r.budget.adjusted?.value, r.budget.executed?.value]).toEqual([
      100, 120, 110,
    ]);
    expect([r.budget.reportedRate?.text, r.budget.weight, r.budget.score]).toEqual(["91.67%", 10, 9.17]);
    expect(r.budget.sources?.fiscal?.initial?.value).toBe(100);
    expect(r.budget.sources?.other?.executed?.value).toBe(0);
    const rows = r.indicators.flatMap((b) =>
      b.groups.flatMap((g) =>
        g.indicators.map((i) => [b.name, g.name, i.name, i.target?.text, i.actual, i.weight, i.score]),
      ),
    );
    expect(rows).toEqual([
      ["产出指标", "数量指标", "维护道路长度", "≥50公里", "52公里", 20, 20],
      ["产出指标", "质量指标", "维护合格率", "≥95%", "98%", 20, 18],
      ["效益指标", "社会效益指标", "群众出行便利", "明显改善", "明显改善", 30, 30],
      ["满意度", "满意度指标", "群众满意度", "≥90%", "93%", 10, 10],
    ]);
    expect(r.indicators[0]?.groups[1]?.indicators[0]?.deviationReason).toBe("个别路段返修");
    expect(r.summary?.totalRow).toEqual({ name: "总分", weight: 100, score: 97.17 });
  });
});
