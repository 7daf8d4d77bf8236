import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOILERPLATE_TEXTS } from "../../../src/checks/copy/boilerplate.ts";
import { displayQuote } from "../../../src/checks/copy/passages.ts";
import { CorpusStore } from "../../../src/storage/corpus-store.ts";
import { type Database, openDatabase } from "../../../src/storage/index.ts";

const seed = (file: string) =>
  readFileSync(join(import.meta.dirname, "../../../fixtures/seeds", file), "utf8");
const seed000 = seed("000_0839647822e00506.txt");
const seed001 = seed("001_ed109474d837ba6d.txt");
const seed002 = seed("002_65c9de34f8230d6c.txt");
const now = new Date("2025-03-01T08:00:00.000Z");
const DIANZI = "郑州市金水区电子政务中心";
const GUANCHENG = "郑州市管城回族区政务服务和大数据管理局";
const ZHIHUI = "郑州市金水区智慧城市管理中心";

let db: Database;
let corpus: CorpusStore;
beforeEach(async () => {
  db = openDatabase(":memory:");
  corpus = new CorpusStore(db);
  await corpus.addDocument({ agency: DIANZI, year: 2021, kind: "department", text: seed000 }, now);
});
afterEach(() => db.close());

describe("seed 001 against seed 000 (the same district's template)", () => {
  it("without the boilerplate list finds the template paragraphs: the filter has work to do", async () => {
    const found = await corpus.findPassages(seed001);
    expect(found.map((p) => [p.queryStart, p.queryEnd, p.sourceStart, p.sourceEnd, p.length])).toEqual([
      [1529, 1815, 3040, 3327, 286], // 二是…了解主要工作任务 … 四是提交评价报告阶段 … 三、综合评价结论
      [2586, 2807, 4148, 4370, 221], // 部门财务管理制度基本完备 … 有效执行
      [3194, 3364, 4799, 4972, 170], // 六、绩效自评结果拟应用和公开情况 …
      [2343, 2490, 3914, 4061, 147], // 等全年工作任务 … 预算和财务管理情况
      [2158, 2301, 3706, 3857, 143], // 资金使用符合国家财经法规 …
      [2990, 3105, 4661, 4785, 115], // 满意度情况 …
      [1932, 2040, 3437, 3543, 108], // 各项指标得分情况表
      [1400, 1507, 2934, 3037, 107], // 一是前期准备阶段 … 二是基础数据收集
      [1817, 1889, 3352, 3430, 72], // 根据部门整体绩效自评相关要求 … 90（含）-100分为优
    ]);
    for (const p of found) {
      expect(p.source).toEqual({ id: 1, agency: DIANZI, year: 2021, title: null });
      expect(p.queryQuote).toBe(displayQuote(seed001.slice(p.queryStart, p.queryEnd)));
      expect(p.sourceQuote).toBe(displayQuote(seed000.slice(p.sourceStart, p.sourceEnd)));
    }
    // The longest joins the template across "发改委", the three characters 001 added.
    expect(seed001.slice(1529, 1815)).toContain("获取其对发改委主要工作的满意度");
    expect(seed000.slice(3040, 3327)).toContain("获取其对主要工作的满意度");
  });

  it("with the boilerplate list finds nothing: every shared passage is template wording", async () => {
    corpus.setBoilerplate(BOILERPLATE_TEXTS);
    expect(await corpus.findPassages(seed001)).toEqual([]);
    // Below 50 characters what is left is the same scores in the score table (between its
    // template labels) and standard indicator names from the indicator table.
    const short = await corpus.findPassages(seed001, { minLength: 30 });
    expect(short.map((p) => [p.queryStart, p.queryEnd, p.queryQuote])).toEqual([
      [1999, 2040, "0% 投入管理 20 19 95% 产出指标 40 40 100% 效益指标 30"],
      [724, 764, "绩效指标合理性 合理 定性指标 预算和财务管理 预算编制完整性 完整 定性指标"],
    ]);
  });

  it("with the boilerplate list still finds copied functions and a copied task, with their sources", async () => {
    await corpus.addDocument({ agency: GUANCHENG, year: 2022, kind: "department", text: seed002 }, now);
    corpus.setBoilerplate(BOILERPLATE_TEXTS);
    const functions = seed000.split("\n").find((l) => l.startsWith("1.推进")) ?? "";
    const task = (seed002.split("\n").find((l) => l.startsWith("(14)")) ?? "").slice(5, -1);
    const heading = "(一) 部门年度履职目标及主要任务。\n\n";
    const at = seed001.indexOf(heading) + heading.length;
    const problems = "五、发现的主要问题和改进措施\n\n";
    const query =
      seed001.slice(0, at) +
      `${functions}\n\n` +
      seed001.slice(at).replace(problems, `${problems}${task}。\n\n`);
    const found = await corpus.findPassages(query, { excludeAgency: ZHIHUI });
    expect(found.map((p) => [p.source.id, p.queryStart, p.queryEnd, p.sourceStart, p.sourceEnd])).toEqual([
      [1, 21, 213, 8, 206],
      [2, 3259, 3400, 1854, 1995],
    ]);
    // The copied functions, extended over the template heading both reports open with.
    expect(query.slice(64, 213)).toBe(functions.slice(0, -1));
    expect(query.slice(3259, 3400)).toBe(task);
    expect(seed002.slice(1854, 1995)).toBe(task);
    expect(found[1]?.source).toEqual({ id: 2, agency: GUANCHENG, year: 2022, title: null });
    expect(found[1]?.length).toBe(141);
  });
});
