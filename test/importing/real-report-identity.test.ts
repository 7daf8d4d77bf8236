import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReportIdentity } from "../../src/importing/report/report-identity.ts";
import { importFile } from "../../src/services/import-file.ts";

/**
 * Unit, year and kind of the real reports in ../shared/real-reports (beside the project), read by
 * `importFile` as a user's file is. Where a report does not state a value it stays unset: 14 names
 * no unit; 16 names neither unit nor year (重庆科学城融媒体中心 is only in the page address, and
 * "中心2021年较好地完成了履职任务" is prose: a year in prose is not taken for the report's year).
 * 01's cells 主管部门 and 实施单位 are empty; the page's 发文单位 is used, and the read notes say so.
 */

const dir = join(import.meta.dirname, "../../../shared/real-reports");

const expected: Record<string, { unit?: string; year?: number; kind: string }> = {
  "01_ezhou_shiminzhongxin.txt": { unit: "鄂州市行政审批局", year: 2021, kind: "project" },
  "03_zhongjiang_shuibiaochi.txt": { unit: "中江县水利局", year: 2022, kind: "project" },
  "05_jishan_jibengonggongweisheng.txt": { unit: "稷山县翟店镇卫生院", year: 2021, kind: "project" },
  "11_nanxian_caizhengju_jiguanzhengti.txt": { unit: "南县财政局", year: 2020, kind: "department" },
  "12_yuhua_fagaiju_zhengti.txt": { unit: "长沙市雨花区发展和改革局", year: 2022, kind: "department" },
  "14_bumen_zhengti_jichushuju_2018.txt": { year: 2018, kind: "department" },
  "15_honghe_shujufazhan.txt": { unit: "红河州数据发展中心", year: 2024, kind: "project" },
  "16_chongqing_kexuecheng_rongmeiti.txt": { kind: "department" },
};

describe.skipIf(!existsSync(dir))("unit, year and kind of the real reports", () => {
  for (const [file, want] of Object.entries(expected)) {
    it(file, async () => {
      const read = await importFile(join(dir, file));
      if (!read.ok) throw new Error(read.error.message);
      const main = read.value.reports[0]?.fragment as {
        unit?: { name?: string };
        year?: number;
        kind?: string;
      };
      expect({ unit: main.unit?.name, year: main.year, kind: main.kind }).toEqual({
        unit: want.unit,
        year: want.year,
        kind: want.kind,
      });
    });
  }

  it("14 says in Chinese where its kind and year came from", async () => {
    const read = await importFile(join(dir, "14_bumen_zhengti_jichushuju_2018.txt"));
    if (!read.ok) throw new Error(read.error.message);
    const notes = read.value.reports[0]?.reads.filter((r) => r.what === "报告类型" || r.what === "年度");
    expect(notes?.map((n) => [n.what, n.detail])).toEqual([
      ["报告类型", "部门整体支出（取自表格标题）"],
      ["年度", "2018（取自“决算数”一栏的年份）"],
    ]);
  });

  it("01 says its unit came from the page's 发文单位, for the officer to check", async () => {
    const read = await importFile(join(dir, "01_ezhou_shiminzhongxin.txt"));
    if (!read.ok) throw new Error(read.error.message);
    const note = read.value.reports[0]?.reads.find((r) => r.what === "单位名称");
    expect(note).toEqual({
      what: "单位名称",
      detail: "鄂州市行政审批局（报告中没有写单位名称，取自网页的发文单位/发布机构，请核对）",
      firstLine: 3,
      lastLine: 3,
    });
  });
});

/** The second set (fixtures/real) with its hand-checked expectations (expected-reads.json). */
const realDir = join(import.meta.dirname, "../../fixtures/real");

describe("unit, year, kind and project of fixtures/real from the opening lines alone", () => {
  const expectedReads = JSON.parse(readFileSync(join(realDir, "expected-reads.json"), "utf8")) as {
    files: Record<
      string,
      { unit?: string | null; year?: number | null; kind?: string | null; project?: string | null }
    >;
  };
  const fields = ["unit", "year", "kind", "project"] as const;

  /** Per file (by number), the fields read; a field that differs from the expectation shows both. */
  function readFields(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [file, want] of Object.entries(expectedReads.files)) {
      const identity = readReportIdentity(readFileSync(join(realDir, file), "utf8").split(/\r\n|\r|\n/));
      const got = {
        unit: identity.unit?.value ?? identity.publisher?.value,
        year: identity.year?.value,
        kind: identity.kind?.value,
        project: identity.project?.value,
      };
      out[file.slice(0, 2)] = fields
        .filter((f) => got[f] !== undefined)
        .map((f) => (got[f] === want[f] ? f : `${f}: ${got[f]} (expected ${want[f]})`));
    }
    return out;
  }

  it("reads what each file states and nothing that contradicts the hand-checked values", () => {
    expect(readFields()).toEqual({
      "21": ["year", "kind", "project"],
      "22": ["unit", "year", "kind"],
      "23": ["unit", "year", "kind"],
      "24": ["unit", "year", "kind"],
      "25": ["kind"],
      "26": ["unit", "year", "kind"],
      "27": ["unit", "year", "kind", "project"],
      // The line "单位名称:塘湖镇政府 填报日期:…" names the unit so; its table says 塘湖镇人民政府.
      "28": ["unit: 塘湖镇政府 (expected 塘湖镇人民政府)"],
      "29": ["unit", "year"],
      "30": ["year", "kind", "project"],
      "31": ["unit", "year", "kind", "project"],
      "32": ["kind"],
      "33": ["year", "kind"],
      "34": [],
      "35": ["unit", "kind", "project"],
      "36": [],
      "37": ["unit", "year", "kind", "project"],
      "38": ["unit", "year", "kind"],
      "39": ["unit", "year", "kind", "project"],
      "40": [],
      "41": ["kind"],
      "42": ["year", "kind"],
      "43": ["year", "kind"],
      "44": ["unit", "year", "kind"],
      "45": [],
      "46": ["kind"],
      "47": ["year", "kind", "project"],
      "48": ["year", "kind", "project"],
      "50": ["year", "kind"],
      "51": ["year", "kind"],
      "52": [],
      "53": [],
      // 60 and 61: only the kind is read from the opening lines (60's title starts with its year, 61 is OCR).
      "60": ["kind"],
      "61": ["kind"],
    });
  });
});
