import { describe, expect, it } from "vitest";
import { isBlankValue, readValue } from "../../src/numbers/index.ts";

/** comparator, value, unit (money/%), counter, as readValue gives them for a number. */
type Reading = [comparator: string | null, value: number, unit: string | null, counter: string | null];

function numberOf(text: string): Reading | string {
  const read = readValue(text);
  if (read.kind !== "number") return read.kind;
  const n = read.number;
  return [n.comparator, n.value, n.unit, n.counter];
}

/**
 * Target and actual cells as real reports write them: 中江 水标尺 (Sichuan), 稷山 基本公共卫生
 * (Shanxi), 重庆 融媒体中心 (Chongqing), 鄂州 市民中心 (Hubei), 红河 数据发展中心 (Yunnan), the seeds.
 */
describe("readValue reads counts and measures with their units", () => {
  it.each<[text: string, reading: Reading]>([
    ["≥266米", ["≥", 266, null, "米"]],
    ["≥50厘米", ["≥", 50, null, "厘米"]],
    ["≥1000人", ["≥", 1000, null, "人"]],
    ["≥90%", ["≥", 90, "%", null]],
    ["≥95%", ["≥", 95, "%", null]],
    ["20万元", [null, 20, "万元", null]],
    ["100.00%", [null, 100, "%", null]],
    ["97.30%", [null, 97.3, "%", null]],
    ["38508人", [null, 38508, null, "人"]],
    ["37442人", [null, 37442, null, "人"]],
    ["不少于12 种", ["≥", 12, null, "种"]],
    ["不少于6 种", ["≥", 6, null, "种"]],
    ["116次", [null, 116, null, "次"]],
    ["14种", [null, 14, null, "种"]],
    ["12次", [null, 12, null, "次"]],
    ["96次", [null, 96, null, "次"]],
    ["8例", [null, 8, null, "例"]],
    ["24694人", [null, 24694, null, "人"]],
    ["150万", [null, 1500000, null, null]],
    ["125.25万", [null, 1252500, null, null]],
    ["83.5%", [null, 83.5, "%", null]],
    ["72.74%", [null, 72.74, "%", null]],
    ["26次", [null, 26, null, "次"]],
    ["43次", [null, 43, null, "次"]],
    ["20份", [null, 20, null, "份"]],
    ["2200篇", [null, 2200, null, "篇"]],
    ["2859篇", [null, 2859, null, "篇"]],
    ["≤3%", ["≤", 3, "%", null]],
    ["3%", [null, 3, "%", null]],
    ["0", [null, 0, null, null]],
    ["=100%", ["=", 100, "%", null]],
    ["＞0", [">", 0, null, null]],
    [">=95%", ["≥", 95, "%", null]],
    ["１２次", [null, 12, null, "次"]],
    ["192场", [null, 192, null, "场"]],
    ["20M", [null, 20, null, "M"]],
    ["100Mbps", [null, 100, null, "Mbps"]],
    ["≥10TB", ["≥", 10, null, "TB"]],
    ["≤5‰", ["≤", 5, null, "‰"]],
    ["3个百分点", [null, 3, null, "个百分点"]],
    ["≤30个工作日", ["≤", 30, null, "个工作日"]],
    ["0起", [null, 0, null, "起"]],
    ["5000亩", [null, 5000, null, "亩"]],
    ["1000㎡", [null, 1000, null, "㎡"]],
    ["1000平方米", [null, 1000, null, "平方米"]],
    ["4.3m", [null, 4.3, null, "m"]],
    ["0.5吨", [null, 0.5, null, "吨"]],
    ["10公里", [null, 10, null, "公里"]],
    ["120户", [null, 120, null, "户"]],
    ["3个", [null, 3, null, "个"]],
    ["15项", [null, 15, null, "项"]],
    ["2台", [null, 2, null, "台"]],
    ["6套", [null, 6, null, "套"]],
    ["1.2万亩", [null, 12000, null, "亩"]],
    ["不低于95%", ["≥", 95, "%", null]],
    ["大于95%", [">", 95, "%", null]],
    ["达到90%以上", ["≥", 90, "%", null]],
    ["共3项", [null, 3, null, "项"]],
    ["百分之九十七", [null, 97, "%", null]],
    ["1,234.5万元", [null, 1234.5, "万元", null]],
    ["561.41万元", [null, 561.41, "万元", null]],
    ["≤100%", ["≤", 100, "%", null]],
    ["100%", [null, 100, "%", null]],
    ["10", [null, 10, null, null]],
  ])("%s", (text, reading) => {
    expect(numberOf(text)).toEqual(reading);
  });
});

describe("readValue keeps words as text and placeholders as empty", () => {
  it.each<[text: string, kind: string]>([
    ["显著提升", "text"],
    ["高", "text"],
    ["好", "text"],
    ["按时完成", "text"],
    ["相关", "text"],
    ["7*24", "text"],
    ["5G", "text"],
    ["3A级", "text"],
    ["II类", "text"],
    ["满意度达95%", "text"],
    ["第3名", "text"],
    ["到位", "text"],
    ["100%完成", "text"],
    ["2021年12月31日前", "text"],
    ["Ⅱ类", "text"],
    ["", "empty"],
    ["—", "empty"],
    ["——", "empty"],
    ["/", "empty"],
    ["无", "empty"],
  ])("%j is %s", (text, kind) => {
    expect(readValue(text).kind).toBe(kind);
  });

  it("isBlankValue is true for placeholders only", () => {
    expect(["", " ", "—", "-", "/", "／", "无"].map(isBlankValue)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["0", "无效", "0%"].map(isBlankValue)).toEqual([false, false, false]);
  });
});

describe("readValue never turns scan noise or a damaged number into a number", () => {
  it.each<[text: string, scan: boolean, reason: string]>([
    ["IO", true, "疑似扫描识别错误"],
    ["W100%", true, "疑似扫描识别错误"],
    ["Q0", true, "疑似扫描识别错误"],
    ["Q100%", true, "疑似扫描识别错误"],
    ["XlO0%", true, "疑似扫描识别错误"],
    ["O76%107.6", true, "疑似扫描识别错误"],
    ["M.8万元", true, "疑似扫描识别错误"],
    ["1O0%", true, "疑似扫描识别错误"],
    ["l00%", true, "疑似扫描识别错误"],
    ["第O份", true, "疑似扫描识别错误"],
    ["到0次", true, "疑似扫描识别错误"],
    ["95.", false, "小数点后面没有数字，可能是数字在换行处被截断"],
    ["76%107.6", false, "百分号后面还有数字，疑似几个单元格的内容连在了一起"],
    ["1 234", false, "数字中间有空格"],
    ["1.2.3", false, "小数点写了不止一次"],
    ["大于93%以上", false, "写了两种相互矛盾的比较关系"],
  ])("%j is unreadable (%s): %s", (text, scan, reason) => {
    const read = readValue(text);
    expect(read.kind === "unreadable" ? [read.text, read.scan, read.reason] : read.kind).toEqual([
      text,
      scan,
      reason,
    ]);
  });
});

describe("a deadline is not scan noise", () => {
  it.each(["到2025年", "于2023年", "至2030年"])(
    "%j is words (a year after a preposition), not unreadable",
    (text) => {
      expect(readValue(text).kind).not.toBe("unreadable");
    },
  );
  it("but a preposition before any other number is still a misread comparator", () => {
    expect(readValue("到0次").kind).toBe("unreadable");
  });
});
