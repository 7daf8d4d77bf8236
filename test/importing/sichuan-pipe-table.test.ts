import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textToGrid } from "../../src/importing/grid/text-grid.ts";
import { importDocument } from "../../src/importing/report/import-document.ts";

/**
 * Sichuan's 部门预算项目支出绩效自评表 as a web page gives it: `|` rows padded with pipes, whose
 * heading rows end in a single pipe ("… | 未完成原因分析 |"), a title cell spanning the rows of each
 * table ("预算执行情况(10分)", "绩效指标(90分)") so every row is one cell shorter than its heading,
 * and 权重 for the row's 分值. Real fixture 51 (大英县司法局, 2023).
 */
function read(text: string) {
  const [report] = importDocument(textToGrid(text).rows, text);
  if (report === undefined) throw new Error("no report");
  return report;
}

const real51 = readFileSync(
  join(import.meta.dirname, "../../fixtures/real/51_sichuan_daying_sifaju_anke.txt"),
  "utf8",
).replace(/^source:.*\n/, "");

describe("a Sichuan 自评表 as `|` rows (fixture 51)", () => {
  const report = read(real51);

  it("reads the budget row under its headings, the spanning 预算执行情况(10分) title left out", () => {
    expect(report.fragment.budget).toMatchObject({
      initial: "0.00万元",
      adjusted: "3.36万元",
      executed: "3.36万元",
      reportedRate: "100.00%",
      weight: 10,
      score: 10,
    });
  });

  it("reads the indicator row under a heading that ends in one pipe, with 权重 as its 分值", () => {
    expect(report.fragment.indicators).toEqual([
      {
        name: "产出指标",
        groups: [
          {
            name: "经济成本指标",
            indicators: [
              { name: "成本控制数", target: "≤30", unit: "万元", actual: "完成", weight: 90, score: 90 },
            ],
          },
        ],
      },
    ]);
  });

  it("lists the row the page cuts off as unread instead of joining it to its heading", () => {
    expect(report.unread.map((u) => u.reason)).toContain(
      "第21行有5格，表头有11列，无法确定缺少的是哪一列，整行未读取",
    );
  });
});

describe("the spanning-title shift applies only to a heading that names the amounts' unit", () => {
  it("leaves Hubei's 预算数(A) column where it is (a row with one value too few stays unread)", () => {
    const text = [
      "单位名称 | 塘湖镇人民政府 | ||||||||",
      "基本支出总额 | 864.2万 | 项目支出总额 | 0 | ||||||",
      "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||||",
      "部门整体支出总额 | 864.2 | 100% | 20 | ||||||",
    ].join("\n");
    const report = read(text);
    expect(report.fragment.budget?.executed).toBeUndefined();
    expect(report.unread.map((u) => u.reason)).toContain(
      "第4行“执行数(B)”列应为金额，例如 545.06，读到“100%”",
    );
  });
});
