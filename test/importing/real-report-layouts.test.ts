import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textToGrid } from "../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../src/importing/report/import-document.ts";
import type { IndicatorFragment } from "../../src/importing/report/report-fragment.ts";

/**
 * What the table readers take from each real report of ../shared/real-reports (README.md there
 * describes them); the figures are checked by hand against the files.
 */

const DIR = join(import.meta.dirname, "../../../shared/real-reports");

function main(name: string) {
  const text = readFileSync(join(DIR, `${name}.txt`), "utf8");
  const [report] = importDocument(textToGrid(text).rows, text);
  if (report === undefined) throw new Error(`${name}: no report`);
  return report;
}

function indicators(fragment: ReturnType<typeof main>["fragment"]): IndicatorFragment[] {
  return (fragment.indicators ?? []).flatMap((b) => (b.groups ?? []).flatMap((g) => g.indicators ?? []));
}

/** Unread reasons, without the narrative lines that fall under no section heading. */
function tableProblems(report: ReturnType<typeof main>): string[] {
  return report.unread.map((u) => u.reason).filter((r) => !r.includes("不在可识别的章节标题下"));
}

describe.skipIf(!existsSync(DIR))("real reports from other provinces (../shared/real-reports)", () => {
  it("01 Hubei, one cell per line with `||||` rows: header, budget and indicator rows", () => {
    const { fragment } = main("01_ezhou_shiminzhongxin");
    expect(fragment.project).toBe("市民中心运行维护费");
    expect(fragment.year).toBe(2021);
    // 125.25 / 150 = 83.5%; the row states 分值 100 and 得分 98.
    expect(fragment.budget).toMatchObject({
      initial: "150万",
      adjusted: "150万",
      executed: "125.25万",
      weight: 100,
      reportedRate: "83.5%",
      score: 98,
    });
    expect(indicators(fragment)).toEqual([
      { name: "预算执行率", target: "100%", actual: "83.5%", weight: 20, score: 18 },
      { name: "预算资金拨款率", target: "100%", actual: "100%", weight: 10, score: 10 },
      { name: "政务服务工作办结率", target: "100%", actual: "100%", weight: 10, score: 10 },
      { name: "大厅业务日常考核结果", target: "100%", actual: "100%", weight: 10, score: 10 },
      { name: "市民中心运行维护费", target: "150万", actual: "150万", weight: 10, score: 10 },
      { name: "大厅运行正常率", target: "100%", actual: "100%", weight: 10, score: 10 },
    ]);
  });

  it("03 Sichuan, cells run together: 20 | 20 | 10 | 100.00% | 10, blocks 70 + 20 + 10, 总分 100", () => {
    const report = main("03_zhongjiang_shuibiaochi");
    const { fragment } = report;
    expect(fragment.unit).toEqual({ parent: "中江县水利局", name: "中江县水利局" });
    expect(fragment.budget).toEqual({
      adjusted: "20万元",
      executed: "20万元",
      weight: 10,
      reportedRate: "100.00%",
      score: 10,
    });
    expect((fragment.indicators ?? []).map((b) => [b.name, b.weight])).toEqual([
      ["产出指标", 70],
      ["效益指标", 20],
      ["满意度指标", 10],
    ]);
    expect(indicators(fragment).map((i) => [i.name, i.weight, i.target, i.actual, i.score])).toEqual([
      ["安装坡面水标尺", 10, "≥266米", "≥266米", 10],
      ["水标尺宽度", 10, "≥50厘米", "≥50厘米", 10],
      ["项目(工程)验收合格率", 20, "100%", "100%", 20],
      ["及时(按期)开工率", 10, "≥90%", "≥90%", 10],
      ["及时(按期)完工率", 10, "≥90%", "≥90%", 10],
      ["项目计划总投资", 10, "20万元", "20万元", 10],
      ["受益脱贫(含监测对象)户人口数", 10, "≥1000人", "≥1000人", 10],
      ["群众生产生活条件改善状况", 10, "显著提升", "显著提升", 10],
      ["受益脱贫(含监测对象)户满意度", 10, "≥95%", "≥95%", 10],
    ]);
    expect(fragment.summary?.totalRow).toEqual({ name: "总分", weight: 100, score: 100 });
    // "2020" is 20 | 20 or 202 | 0 or …: not guessed.
    expect(tableProblems(report)).toContain(
      "第2行“其中:本年财政拨款”一行的“2020”按表头（全年预算数(A)、全年执行数(B)、分值、执行率(B/A)、得分）无法唯一拆分成各列的值，未读取；各列的值应分开写，例如“20 | 20 | 10 | 100.00% | 10”",
    );
  });

  it("05 Shanxi, scrambled spreadsheet: the numbered rows whose four values are in order", () => {
    const report = main("05_jishan_jibengonggongweisheng");
    const rows = indicators(report.fragment);
    const row = (name: string) => rows.find((i) => i.name === name);
    expect(report.fragment.unit).toEqual({ parent: "稷山县卫生健康和体育局", name: "稷山县翟店镇卫生院" });
    expect(rows).toHaveLength(18);
    expect(row("0-36月龄中医药规范管理数")).toEqual({
      name: "0-36月龄中医药规范管理数",
      target: "1228人",
      actual: "770人",
      weight: 2,
      score: 1.8,
    });
    expect(row("高血压规范管理数")).toMatchObject({ target: "3807人", actual: "3224人", score: 1.9 });
    expect(row("举办健康教育宣传咨询活动")).toMatchObject({
      target: "12次",
      actual: "96次",
      weight: 1,
      score: 1,
    });
    // 指标1 (38508人 … 37442人) is scattered over the line: not read, listed.
    expect(row("居民健康档案")).toBeUndefined();
    expect(report.unread.map((u) => u.text)).toContain("指标1:居民健康档案 38508人");
    // The budget values come out of order (0 207.4538 10 100% 10 207.4538 …): not guessed.
    expect(report.fragment.budget).toBeUndefined();
  });

  it.each([
    ["11 Hunan", "11_nanxian_caizhengju_jiguanzhengti", undefined],
    // Its 一、基本情况 states the budget and the funds received: "调整预算后项目预算861.46万元…实际到位资金334.67万元".
    ["15 Yunnan", "15_honghe_shujufazhan", { adjusted: "861.46万元", funds: { received: "334.67万元" } }],
  ])("%s, narrative only: no table is invented; the overview's figures are read", (_, name, budget) => {
    const { fragment } = main(name);
    expect(fragment.indicators).toBeUndefined();
    expect(fragment.budget).toEqual(budget);
  });

  it("12 Hunan OCR: the unit is read, the run-together criterion table is listed as unread", () => {
    const report = main("12_yuhua_fagaiju_zhengti");
    // The title "雨花区2022年度部门(单位)整体…" names the region; the 部门(单位)名称 cell the unit.
    expect(report.fragment.unit).toEqual({ name: "长沙市雨花区发展和改革局", region: "雨花区" });
    expect(report.fragment.indicators).toBeUndefined();
    expect(tableProblems(report)).toEqual([
      "第4行的指标表（分值、二级指标、分值、三级指标、分值、评价标准、指标说明、得分）各格连在一起，且有不是数值的列（如评价标准），无法拆分，未读取；各列应分开写，例如“在职人员控制率 | 5 | 以100%为标准 | 5”",
    ]);
  });

  it("14 Hunan PDF text: the wrapped 95.\\n\\n10% is one number, nothing is misread", () => {
    const text = readFileSync(join(DIR, "14_bumen_zhengti_jichushuju_2018.txt"), "utf8");
    const cells = textToGrid(text).rows.flatMap((r) => r.cells);
    expect(cells.some((c) => c.startsWith("143 136 95.10%"))).toBe(true);
    const { fragment } = main("14_bumen_zhengti_jichushuju_2018");
    expect(fragment.indicators).toBeUndefined();
    expect(fragment.budget).toBeUndefined();
  });

  it("16 Chongqing OCR: 自评总分, the rows a grammar splits one way; garbled cells are not guessed", () => {
    const report = main("16_chongqing_kexuecheng_rongmeiti");
    expect(report.fragment.summary).toEqual({ total: 97.6 });
    expect(report.fragment.budget).toBeUndefined();
    const rows = indicators(report.fragment);
    expect(rows).toHaveLength(15);
    // 政府采购执行率 100% → 72.74% scored 2 of 2; 培训次数 26 → 12 scored full.
    expect(rows.find((i) => i.name === "政府采购执行率")).toEqual({
      name: "政府采购执行率",
      target: "100%",
      unit: "%",
      actual: "72.74%",
      weight: 2,
      score: 2,
    });
    expect(rows.find((i) => i.name === "党性教育培训次数")).toMatchObject({
      target: "26次",
      actual: "12次",
      score: 5,
    });
    expect(rows.find((i) => i.name === "资金使用合规性")).toEqual({
      name: "资金使用合规性",
      target: "好",
      actual: "好",
      weight: 5,
      score: 5,
    });
    // Garbled values (到0次, 第O份) leave their rows unread, with their text.
    expect(report.unread.map((u) => u.text)).toEqual(
      expect.arrayContaining(["组织宣传活动次数次到0次43次100%1010是", "制作宣传品数量份第O份20份100%55否"]),
    );
    // A garbled 计量单位 (tot扁) stays with the name as written; the values carry their own unit (篇).
    expect(rows.find((i) => i.name?.startsWith("播发稿件数量"))).toEqual({
      name: "播发稿件数量tot扁",
      target: "2200篇",
      actual: "2859篇",
      weight: 10,
      score: 10,
    });
    expect(tableProblems(report)[0]).toBe(
      "第3行“合计”一行的“O76%107.6”按表头（全年执行数、执行率(%)、执行率权重、执行率得分(分)）无法唯一拆分成各列的值，未读取；各列的值应分开写，例如“20 | 20 | 10 | 100.00% | 10”",
    );
  });
});
