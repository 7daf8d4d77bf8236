import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import { BOILERPLATE_TEXTS } from "../../../src/checks/copy/boilerplate.ts";
import type { Finding } from "../../../src/core/finding.ts";
import type { ReportInput } from "../../../src/core/report.ts";
import { OFFICE_ZIP_LIMITS } from "../../../src/importing/files/file-limits.ts";
import { scanZip } from "../../../src/importing/files/zip-reader.ts";
import { seedTableText, seedXlsx, textDocx, wholeSeedDocx } from "../../importing/files/seed-documents.ts";
import { writeZip } from "../../importing/files/zip-writer.ts";
import { run, writeIn } from "./cli-harness.ts";

/**
 * `ziping import` and `ziping check` end to end through `runCli`: Word and Excel files made in the
 * tests import to the same report JSON as their text, the seeds' findings, copy detection against a
 * corpus, a clean report, and files that must be refused. Every file and database is in a temp dir.
 */

const root = join(import.meta.dirname, "../../..");
const SEED = {
  s000: join(root, "fixtures/seeds/000_0839647822e00506.txt"),
  s001: join(root, "fixtures/seeds/001_ed109474d837ba6d.txt"),
  s002: join(root, "fixtures/seeds/002_65c9de34f8230d6c.txt"),
  s003: join(root, "fixtures/seeds/003_3bc036a0d1488051.txt"),
};

const dir = mkdtempSync(join(tmpdir(), "ziping-import-check-"));
/** A database path that never exists: `check` must not fall back to data/ziping.db. */
const noDb = join(dir, "no-corpus.db");

/** `ziping check --json` of the files (no corpus unless `--corpus` is among `extra`). */
async function checkJson(files: readonly string[], ...extra: string[]): Promise<CheckedReport[]> {
  const r = await run("check", ...files, "--json", "--db", noDb, ...extra);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as CheckedReport[];
}

const codes = (report: CheckedReport | undefined): string[] =>
  [...new Set((report?.findings ?? []).map((f) => f.code))].sort();
const findingsOf = (report: CheckedReport | undefined, code: string): Finding[] =>
  (report?.findings ?? []).filter((f) => f.code === code);

const write = (name: string, data: string | Uint8Array): string => writeIn(dir, name, data);

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("import round trip: a Word document and an Excel workbook give the report JSON of their text", () => {
  it("seed 000 as a whole .docx (paragraphs, real tables, vertical and horizontal merges) = the .txt", async () => {
    const bytes = await wholeSeedDocx();
    // The document really holds Word tables with merges, not tab-separated paragraphs.
    const scanned = scanZip(bytes, OFFICE_ZIP_LIMITS, (name) => name === "word/document.xml");
    const xml = scanned.ok ? new TextDecoder().decode(scanned.value.get("word/document.xml")) : "";
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(54);
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(10);
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    expect(xml).not.toContain("\t");
    // Markdown headings became Word headings, "**五、…**" a bold run.
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:b/>");
    expect(xml).not.toMatch(/[#*]{2}/);
    const docx = write("seed-000.docx", bytes);
    const fromDocx = join(dir, "seed-000-docx.json");
    const fromText = join(dir, "seed-000-txt.json");
    const d = await run("import", docx, "--out", fromDocx);
    const t = await run("import", SEED.s000, "--out", fromText);
    expect([d.code, t.code, d.err, t.err]).toEqual([0, 0, "", ""]);
    expect(d.out).toContain(`读取 ${docx}（Word 文档）：找到 1 份报告`);
    expect(d.out).toContain(`已保存：${fromDocx}（主报告）`);
    expect(readJson(fromDocx)).toEqual(readJson(fromText));
    // …and it is the whole report, not two equally empty ones.
    const report = readJson(fromDocx) as ReportInput & { indicators: { groups: { indicators: [] }[] }[] };
    expect(report.unit).toEqual({ name: "郑州市金水区电子政务中心" });
    expect([report.kind, report.year, report.preparer]).toEqual([
      "department",
      2021,
      { name: "刘媛媛", phone: "63526383" },
    ]);
    expect(report.tasks).toHaveLength(8);
    expect(report.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators))).toHaveLength(32);
    expect(report.summary).toMatchObject({ total: 96, grade: "优", totalRow: { weight: 100, score: 100 } });
    expect(report.narrative?.map((s) => s.title)).toEqual([
      "(一) 部门年度履职目标及主要任务。",
      "(二) 部门年度整体绩效目标、绩效指标设置情况。",
      "二、绩效自评工作开展情况",
      "三、综合评价结论",
      "（一）部门资金情况分析",
      "1. 投入管理指标情况分析",
      "2. 产出指标情况分析",
      "3. 效益指标情况分析",
      "五、发现的主要问题和改进措施",
      "六、绩效自评结果拟应用和公开情况",
      "七、绩效自评工作的经验、问题和建议",
      "八、其他需要说明的问题",
    ]);
  });

  it("--json lists the same reads (line numbers aside) and nothing unread for the .docx and the .txt", async () => {
    const docx = write("seed-000-reads.docx", await wholeSeedDocx());
    const views = await Promise.all([run("import", docx, "--json"), run("import", SEED.s000, "--json")]);
    const [d, t] = views.map((v) => {
      expect(v.code).toBe(0);
      return JSON.parse(v.out) as Array<{ label: string; reads: Array<{ what: string; detail: string }> }>;
    });
    const shape = (view: typeof d) =>
      view?.map((r) => ({ ...r, reads: r.reads.map(({ what, detail }) => ({ what, detail })) }));
    expect(shape(d)).toEqual(shape(t));
    expect(d?.map((r) => [r.label, (r as unknown as { unread: unknown[] }).unread])).toEqual([
      ["主报告", []],
    ]);
    expect(d?.[0]?.reads.slice(0, 5).map((r) => r.what)).toEqual([
      "自评表表头",
      "年度主要任务表",
      "预算情况表",
      "绩效指标表",
      "各项指标得分情况表",
    ]);
  });

  it("seed 000 as a .docx with an empty paragraph after each paragraph = the .txt", async () => {
    const docx = write(
      "seed-000-spaced.docx",
      await textDocx(readFileSync(SEED.s000, "utf8"), { emptyParagraphs: true }),
    );
    const d = await run("import", docx, "--out", join(dir, "seed-000-spaced.json"));
    const t = await run("import", SEED.s000, "--out", join(dir, "seed-000-spaced-txt.json"));
    expect([d.code, t.code]).toEqual([0, 0]);
    expect(readJson(join(dir, "seed-000-spaced.json"))).toEqual(
      readJson(join(dir, "seed-000-spaced-txt.json")),
    );
  });

  it.each([
    ["001", SEED.s001],
    ["002", SEED.s002],
  ])("seed %s as a .docx imports to the JSON of its .txt too", async (name, seed) => {
    const docx = write(`seed-${name}.docx`, await textDocx(readFileSync(seed, "utf8")));
    const d = await run("import", docx, "--out", join(dir, `seed-${name}-docx.json`));
    const t = await run("import", seed, "--out", join(dir, `seed-${name}-txt.json`));
    expect([d.code, t.code]).toEqual([0, 0]);
    expect(readJson(join(dir, `seed-${name}-docx.json`))).toEqual(
      readJson(join(dir, `seed-${name}-txt.json`)),
    );
  });

  it("seed 000's 自评表 as an .xlsx (merged cells, numbers, percentages, a formula) = the same tables as .txt", async () => {
    const xlsx = write("自评表.xlsx", await seedXlsx());
    const txt = write("自评表.txt", seedTableText());
    const x = await run("import", xlsx, "--out", join(dir, "xlsx.json"));
    const t = await run("import", txt, "--out", join(dir, "table-txt.json"));
    expect([x.code, t.code, x.err, t.err]).toEqual([0, 0, "", ""]);
    expect(x.out).toContain("（Excel 工作簿）：找到 1 份报告");
    const fromXlsx = readJson(join(dir, "xlsx.json")) as ReportInput;
    expect(fromXlsx).toEqual(readJson(join(dir, "table-txt.json")));
    expect(fromXlsx.unit).toEqual({ name: "郑州市金水区电子政务中心" });
    expect(fromXlsx.year).toBe(2021);
    expect(fromXlsx.budget).toMatchObject({
      executed: { text: "545.06万元" },
      reportedRate: { text: "97%" },
    });
    expect(fromXlsx.tasks?.[0]).toMatchObject({ reportedRate: { text: "95.66%" } });
    expect(fromXlsx.summary).toMatchObject({ totalRow: { weight: 100, score: 100, rate: { text: "95%" } } });
    // The tables alone hold no narrative.
    expect(fromXlsx.narrative).toEqual([]);
  });
});

describe("check --json on the seeds: the domain examples, and exactly these codes", () => {
  let checked: CheckedReport[] = [];
  const report = (file: string, label = "主报告") =>
    checked.find((r) => r.file === file && r.label === label);

  beforeAll(async () => {
    checked = await checkJson([SEED.s000, SEED.s001, SEED.s002, SEED.s003]);
  });

  it("checks five reports (seed 003 holds an annex project 自评表) under the schemes the seeds fit", () => {
    expect(checked.map((r) => [r.label, r.report.unit, r.report.year, r.scheme.id])).toEqual([
      ["主报告", "郑州市金水区电子政务中心", 2021, "henan-zhengzhou-district-department"],
      ["主报告", "金水区智慧城市管理中心", 2021, "henan-zhengzhou-district-department"],
      ["主报告", "管城回族区政务服务和大数管理局", 2022, "henan-zhengzhou-district-department"],
      ["主报告", "浏阳市数据资源中心", 2020, "hunan-department"],
      ["2020年项目支出绩效自评表", "浏阳市数据资源中心", 2020, "hunan-project"],
    ]);
    expect(report(SEED.s000)?.score).toEqual({ total: 92.71, grade: "优", reported: 96 });
    expect(noDb).not.toSatisfy(existsSync);
  });

  it("000: 效益 block 30 vs 25, 合计 100 vs 96, 预算执行率 met but 1 of 2, 五 says 无, reverse indicators at 100%", () => {
    const r = report(SEED.s000);
    expect(codes(r)).toEqual([
      "actual.contradicts_target",
      "budget.rate_mismatch",
      "budget.subrows_sum",
      "narrative.contradiction",
      "narrative.empty",
      "ratio.zero_over_zero",
      "score.block_sum",
      "score.met_not_full",
      "score.narrative_total",
      "score.rate_mismatch",
      "score.rule_mismatch",
      "score.total_mismatch",
      "score.total_over_max",
      "value.conflict",
      "weights.block_sum",
      "weights.total",
    ]);
    // Issue 16: 三's "最终得分为 96 分" is held to the rules' 92.71, not to the table's own 96.
    expect(findingsOf(r, "score.narrative_total").map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ["error", "92.71分", "96分"],
    ]);
    // The rows' 分值 add to 95 (效益 has 25 of its 30), so a total of 96 is more than they allow.
    expect(findingsOf(r, "score.total_over_max")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "summary.total", label: "自评得分", quote: "96" },
        message:
          "自评得分写为96分，但各指标分值合计最多只有95分（预算执行10 + 投入管理指标20 + 产出指标40 + 效益指标25），得分不可能超过它。",
      }),
    ]);
    expect(findingsOf(r, "weights.block_sum")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "indicators[2]", label: "效益指标", quote: "效益指标（30分）" },
        message: expect.stringContaining("“效益指标”标称30分，但其三级指标分值合计为25分"),
      }),
    ]);
    expect(findingsOf(r, "score.total_mismatch")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "summary.totalRow", label: "得分情况表·合计行", quote: "合计 100 100" },
        message: "合计行得分写为100分，但各项得分合计为96分。",
      }),
    ]);
    const metNotFull = findingsOf(r, "score.met_not_full");
    expect(metNotFull.map((f) => [f.severity, f.where.label, f.where.quote])).toEqual([
      ["error", "投入管理指标 / 预算和财务管理 / 预算执行率", "≥97% 实际97% 得分1"],
      ["error", "效益指标 / 满意度 / 辖区居民满意", "≥98% 实际100% 得分4"],
    ]);
    expect(metNotFull[0]?.message).toContain("已达到指标值≥97%，按规则应得满分2分，报告只给了1分");
    expect(findingsOf(r, "narrative.contradiction")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "narrative[8]", label: "五、发现的主要问题和改进措施", quote: "无" },
        message: expect.stringContaining("写“无”，但报告自评扣了4分"),
      }),
    ]);
    // Reverse indicators (≤) with "100%" as the actual value.
    expect(
      [...findingsOf(r, "value.conflict"), ...findingsOf(r, "actual.contradicts_target")]
        .filter((f) => f.where.quote === "100%")
        .map((f) => [f.code, f.severity, f.where.label]),
    ).toEqual([
      ["value.conflict", "warn", "投入管理指标 / 预算和财务管理 / 预算调整率"],
      ["actual.contradicts_target", "error", "投入管理指标 / 预算和财务管理 / 结转结余率"],
    ]);
  });

  it("001: 发改委's satisfaction survey, 105% computed on 年初预算, the 180% 三公经费 rate upside down", () => {
    const r = report(SEED.s001);
    expect(codes(r)).toEqual([
      "budget.rate_base",
      "budget.rate_over_100",
      "copy.foreign_agency",
      "narrative.empty",
      "narrative.generic",
      "ratio.inverted",
      "report.weights_unread",
    ]);
    // Its 26 indicator rows (a 申报表) carry no 分值: one finding says so and no total is given, where
    // the check used to print "10分（差）" (the budget block alone) and a weights.block_sum error.
    expect(report(SEED.s001)?.score).toEqual({
      total: null,
      grade: null,
      reported: 99,
      withheld: "指标表没有分值列，各行没有可计的分值",
    });
    expect(findingsOf(r, "report.weights_unread").map((f) => f.message)).toEqual([
      "绩效指标表的26行都没有分值（表中没有“分值/权重”列，像是绩效目标申报表而不是自评表），无法按规则计分，也不计算总分；各行的完成情况照常核查。如原表有分值列而没有读出，请提供Word或Excel原件；否则请为每行填写分值和得分，例如“培训人次 | ≥500人 | 520人 | 分值10 | 得分10”。",
    ]);
    expect(findingsOf(r, "copy.foreign_agency")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: {
          path: "narrative[2]",
          label: "二、绩效自评工作开展情况",
          quote: "获取其对发改委主要工作的满意度",
        },
        expected: "金水区智慧城市管理中心",
        actual: "发展和改革委员会（发改委）",
      }),
    ]);
    expect(findingsOf(r, "budget.rate_base")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "budget.reportedRate", label: "预算执行率", quote: "105%" },
        message: expect.stringContaining("预算执行数814.75万元 ÷ 年初预算数768.94万元 = 105.96%"),
      }),
    ]);
    expect(findingsOf(r, "ratio.inverted").map((f) => [f.severity, f.where.quote])).toEqual([
      ["error", "180%"],
    ]);
  });

  it("002: 政协's functions in a data bureau's report, 23 projects that do not add up, 执行率 100%", () => {
    const r = report(SEED.s002);
    expect(codes(r)).toEqual([
      "budget.rate_mismatch",
      "budget.rate_over_100",
      "budget.subrows_sum",
      "copy.foreign_agency",
      "narrative.generic",
      // 002 has no indicator table: said once as what could not be read, no longer as a
      // weights.block_sum error per block of the guessed scheme.
      "report.table_unread",
    ]);
    expect(findingsOf(r, "copy.foreign_agency")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: {
          path: "narrative[6]",
          label: "2. 产出指标完成情况分析",
          quote: "紧扣政协政治协商、民主监督、参政议政职能",
        },
        actual: "政协",
      }),
    ]);
    expect(findingsOf(r, "budget.subrows_sum").map((f) => [f.severity, f.where.quote, f.message])).toEqual([
      [
        "error",
        "379.49万元",
        "23项任务/项目的调整预算数合计2318.97万元，与部门预算总额379.49万元（379.49万元）不符，相差1939.48万元。",
      ],
      [
        "error",
        "2118.34万元",
        "23项任务/项目的预算执行数合计1866.92万元，与部门预算总额2118.34万元（2118.34万元）不符，相差-251.42万元。",
      ],
    ]);
    expect(findingsOf(r, "budget.rate_mismatch")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "budget.reportedRate", label: "预算执行率", quote: "100%" },
      }),
    ]);
  });

  it("003: the annex project table's 效益 block headed 40 holds 50; the 财政拨款 row says 100.00% for 177%", () => {
    const main = report(SEED.s003);
    expect(codes(main)).toEqual([
      "budget.rate_mismatch",
      "grade.mismatch",
      "narrative.duplicate",
      "ratio.zero_over_zero",
      // The rows of its 基础数据表 (三公经费, 公用经费 … by year) that no reader takes, as information.
      "report.row_unread",
      "score.rule_mismatch",
      "target.missing",
      "value.conflict",
      "year.mismatch",
    ]);
    expect(
      findingsOf(main, "budget.rate_mismatch").map((f) => [f.severity, f.where.path, f.where.quote]),
    ).toEqual([
      ["error", "budget.sources.fiscal", "100.00%"],
      ["error", "budget.structure.basic", "100.00%"],
      ["error", "budget.structure.project", "100.00%"],
    ]);
    expect(findingsOf(main, "budget.rate_mismatch")[0]?.message).toBe(
      "资金来源·财政性资金执行率写为100.00%，按数据计算：执行数11,124,990.85元 ÷ 预算数6,272,512.00元 = 177.36%。",
    );
    const annex = report(SEED.s003, "2020年项目支出绩效自评表");
    expect(annex?.report).toEqual({
      unit: "浏阳市数据资源中心",
      year: 2020,
      kind: "project",
      project: "全市政务网络（政务外网和党政工作专网）链路租赁经费",
    });
    expect(codes(annex)).toEqual([
      // Issue 14: a target copied as the actual is reported as actual.missing (it was actual.copies_target).
      "actual.missing",
      "grade.mismatch",
      // Its 上年结转资金 row of zeros, which no field takes.
      "report.row_unread",
      "score.rule_mismatch",
      "score.total_mismatch",
      "weights.block_sum",
      "weights.total",
    ]);
    expect(findingsOf(annex, "weights.block_sum")).toEqual([
      expect.objectContaining({
        severity: "error",
        where: { path: "indicators[1]", label: "效益指标", quote: "效益指标（40分）" },
        message: expect.stringContaining("“效益指标”标称40分，但其三级指标分值合计为50分"),
      }),
    ]);
    // The 成本 row's actual "≤100%" repeats its target "≤100%": a bound, not a measured value.
    expect(findingsOf(annex, "actual.missing").map((f) => [f.severity, f.where.quote])).toEqual([
      ["warn", "≤100%"],
    ]);
  });

  it("prints the same findings as text, most serious first, with the counts", async () => {
    const r = await run("check", SEED.s000, "--db", noDb);
    expect(r.code).toBe(0);
    expect(r.out).toContain("按规则得分：92.71分（优）；报告填报96分");
    expect(r.out).toContain(`发现 ${report(SEED.s000)?.findings.length} 项：错误 13，警告 7，提示 1`);
    expect(r.out).toContain("- [错误] weights.block_sum  效益指标  “效益指标（30分）”");
    expect(r.out).not.toContain("对照语料库");
  });
});

describe("check 001 against seed 000: the shared district template is not copying, 发改委 is", () => {
  it("finds copy.foreign_agency and no copy.cross_report: the findings equal those without a corpus", async () => {
    const [withCorpus] = await checkJson([SEED.s001], "--corpus", SEED.s000);
    const [alone] = await checkJson([SEED.s001]);
    expect(findingsOf(withCorpus, "copy.foreign_agency").map((f) => f.where.quote)).toEqual([
      "获取其对发改委主要工作的满意度",
    ]);
    expect(findingsOf(withCorpus, "copy.cross_report")).toEqual([]);
    expect(
      withCorpus?.findings.filter((f) => f.code.startsWith("copy.") && f.severity === "error"),
    ).toHaveLength(1);
    expect(withCorpus?.findings).toEqual(alone?.findings);
    const text = await run("check", SEED.s001, "--corpus", SEED.s000, "--db", noDb);
    expect(text.out).toContain("对照语料库：1 份报告");
  });
});

/**
 * A clean department report of 某县农业农村局 (2021) under the Henan district scheme: weights
 * 10/20/40/30, two lost points (a project short of its target: 18 of 20; 190 of 200 万元 spent: 9.5
 * of 10), the 得分情况表 and total consistent (97.5, 优), and a narrative about its own work that names
 * the lost points.
 */
function cleanReport(): ReportInput {
  return {
    kind: "department",
    unit: { name: "某县农业农村局" },
    year: 2021,
    schemeId: "henan-zhengzhou-district-department",
    tasks: [
      { name: "高标准农田建设", budget: "120万元", executed: "115万元" },
      { name: "农业技术推广培训", budget: "80万元", executed: "75万元" },
    ],
    budget: {
      initial: "200万元",
      adjusted: "200万元",
      executed: "190万元",
      reportedRate: "95%",
      weight: 10,
      score: 9.5,
    },
    indicators: [
      {
        name: "投入管理指标",
        weight: 20,
        groups: [
          {
            name: "预算和财务管理",
            indicators: [
              {
                name: "预算编制完整性",
                target: "完整",
                unit: "定性指标",
                actual: "完整",
                weight: 10,
                score: 10,
              },
              {
                name: "管理制度健全性",
                target: "健全",
                unit: "定性指标",
                actual: "健全",
                weight: 10,
                score: 10,
              },
            ],
          },
        ],
      },
      {
        name: "产出指标",
        weight: 40,
        groups: [
          {
            name: "重点工作任务完成",
            indicators: [
              {
                name: "高标准农田建设项目完成数",
                target: "≥10个",
                unit: "个",
                actual: "9个",
                weight: 20,
                score: 18,
                deviationReason: "两个乡镇的1个项目因土地流转纠纷推迟开工",
              },
              {
                name: "农技培训人次",
                target: "≥800人次",
                unit: "人次",
                actual: "850人次",
                weight: 20,
                score: 20,
              },
            ],
          },
        ],
      },
      {
        name: "效益指标",
        weight: 30,
        groups: [
          {
            name: "履职效益",
            indicators: [
              { name: "农户满意度", target: "≥90%", unit: "%", actual: "95%", weight: 15, score: 15 },
              {
                name: "粮食综合生产能力",
                target: "提升",
                unit: "定性指标",
                actual: "提升",
                weight: 15,
                score: 15,
              },
            ],
          },
        ],
      },
    ],
    summary: {
      blocks: [
        { name: "预算执行", weight: 10, score: 9.5, rate: "95%" },
        { name: "投入管理", weight: 20, score: 20, rate: "100%" },
        { name: "产出指标", weight: 40, score: 38, rate: "95%" },
        { name: "效益指标", weight: 30, score: 30, rate: "100%" },
      ],
      totalRow: { name: "合计", weight: 100, score: 97.5, rate: "97.5%" },
      total: 97.5,
      grade: "优",
    },
    narrative: [
      {
        id: "duties",
        title: "（一）部门年度履职目标及主要任务",
        text: "负责全县高标准农田建设、农业技术推广和粮食生产安全监管。2021年主要任务是完成高标准农田建设项目10个、开展农技培训800人次。",
      },
      {
        id: "process",
        title: "二、绩效自评工作开展情况",
        text: "2021年12月，我局成立由分管副局长牵头的自评工作组，对照年初绩效目标逐项收集高标准农田验收资料和农技培训签到表，并向120户种植户发放满意度问卷。",
      },
      {
        id: "conclusion",
        title: "三、综合评价结论",
        text: "我局2021年部门整体绩效自评得分为97.5分，评价等级为“优”。",
      },
      {
        id: "funds",
        title: "（一）部门资金情况分析",
        text: "2021年度，我局预算年初数为200万元，调整预算数为200万元，预算执行金额190万元，预算执行率95%。",
      },
      {
        id: "analysis_output",
        title: "2. 产出指标情况分析",
        text: "全年完成高标准农田建设项目9个（新建农田4500亩），未达到10个的目标；开展农技培训850人次，超过目标800人次。",
      },
      {
        id: "analysis_outcome",
        title: "3. 效益指标情况分析",
        text: "对120户种植户的问卷显示农户满意度为95%；新建农田区域粮食亩产较上年提高约6%。",
      },
      {
        id: "problems_measures",
        title: "五、发现的主要问题和改进措施",
        text: "一是高标准农田建设项目完成9个，未达到10个的目标，失2分。原因是两个乡镇的1个项目因土地流转纠纷推迟开工。下一步将在2022年4月前完成该项目500亩的建设。\n\n二是农技推广培训有5万元经费因第四季度集中培训取消未支出，高标准农田项目有5万元尾款未到支付期，预算执行率为95%，失0.5分；将于2022年一季度支付。",
      },
      {
        id: "application",
        title: "六、绩效自评结果拟应用和公开情况",
        text: "自评结果将随2021年度部门决算一并公开，并作为2022年高标准农田项目预算安排的依据。",
      },
      {
        id: "experience",
        title: "七、绩效自评工作的经验、问题和建议",
        text: "对高标准农田项目实行每月进度通报，对滞后地块逐块落实责任人，全年通报12次。",
      },
      { id: "other", title: "八、其他需要说明的问题", text: "无" },
    ],
  };
}

/** The report with `text` appended to the section `id`. */
function withPassage(id: string, text: string): ReportInput {
  const report = cleanReport();
  for (const section of report.narrative ?? []) if (section.id === id) section.text += text;
  return report;
}

/** Seed 000's 部门年度履职目标 (section 一(一)): the functions of an 电子政务中心, no template wording. */
const COPIED_DUTIES =
  "1.推进金水区电子政务发展；2.全区电子政务设计规划的组织、实施；3.全区电子政务的发展与研究；4.区机关信息网、人民政府互联网门户网站的建设、运行、维护和管理；5.全区各镇、办事处、政府各部门网站的建设、监督检查和指导；6.全区电子政务和政府信息公开相关工作制度的建立；7.政府信息公开申请的处理。";
/** Seed 000's 履职效益 paragraph (四(二)3), 71 characters outside the template's "履职效益情况：通过{任务}等项目实施". */
const COPIED_OUTCOME =
  "履职效益情况：通过对全区政务外网安全升级、中心机房消防和环动改造等项目实施，提升了业务工作水平，保障全区政务网络基础设施稳定，保障政务网络安全。";
/** The duties passage said in other words. */
const REWRITTEN_DUTIES =
  "推动本县电子政务发展，组织实施电子政务建设规划并开展相关研究；负责县机关信息网和政府门户网站的建设与运行维护，指导各乡镇和部门网站建设；建立电子政务和政务公开制度，办理信息公开申请。";

describe("a clean report", () => {
  it("gives no finding at all, and scores as it says (97.5, 优)", async () => {
    const [r] = await checkJson([write("clean.json", JSON.stringify(cleanReport()))]);
    expect(r?.score).toEqual({ total: 97.5, grade: "优", reported: 97.5 });
    expect(r?.scheme).toEqual({
      id: "henan-zhengzhou-district-department",
      name: "河南郑州区县 部门整体绩效自评",
      reason: "报告指定的评分方案",
    });
    expect(r?.findings).toEqual([]);
  });

  it("is not clean by accident: 无 in its problems section is a contradiction (points were lost)", async () => {
    const report = cleanReport();
    const problems = report.narrative?.find((s) => s.id === "problems_measures");
    if (problems) problems.text = "无";
    const [r] = await checkJson([write("clean-but-none.json", JSON.stringify(report))]);
    expect(codes(r)).toEqual(["narrative.contradiction", "narrative.empty"]);
  });
});

describe("a planted copy from seed 000 is found with its source, a rewritten one is not", () => {
  it("the passages are the seed's own wording, not template text", () => {
    const seed = readFileSync(SEED.s000, "utf8");
    expect(seed).toContain(COPIED_DUTIES);
    expect(seed.replace(/\n\n/g, "")).toContain(COPIED_OUTCOME);
    for (const passage of [COPIED_DUTIES, COPIED_OUTCOME]) {
      const middle = passage.slice(10, 40);
      expect(BOILERPLATE_TEXTS.filter((t) => t.includes(middle))).toEqual([]);
    }
    expect([...COPIED_DUTIES].length).toBe(150);
  });

  it("a 150-character copied passage is one copy.cross_report error naming 郑州市金水区电子政务中心, 2021 and both quotes", async () => {
    const file = write("planted.json", JSON.stringify(withPassage("duties", COPIED_DUTIES)));
    const [r] = await checkJson([file], "--corpus", SEED.s000);
    expect(r?.findings.map((f) => `${f.code} ${f.severity}`)).toEqual(["copy.cross_report error"]);
    const [copy] = findingsOf(r, "copy.cross_report");
    const quote =
      "1.推进金水区电子政务发展；2.全区电子政务设计规划的组织、实施；3.全区电子政务的发展与研究；4.区机关信息网、人民政…处、政府各部门网站的建设、监督检查和指导；6.全区电子政务和政府信息公开相关工作制度的建立；7.政府信息公开申请的处理";
    expect(copy).toEqual({
      code: "copy.cross_report",
      severity: "error",
      where: { path: "narrative[0]", label: "（一）部门年度履职目标及主要任务", quote },
      message: `这段149字的文字与郑州市金水区电子政务中心2021年度的报告（${SEED.s000}（主报告））中的一段相同。本报告：“${quote}”；来源：“${quote}”。自评报告应写本单位当年的工作、数据和问题，请按本单位实际情况改写。`,
      expected: "本单位自己的表述",
      actual: "与郑州市金水区电子政务中心的报告相同",
    });
  });

  it("a 71-character copied passage from its 四 is a warning, with the same source", async () => {
    const file = write("planted-short.json", JSON.stringify(withPassage("analysis_outcome", COPIED_OUTCOME)));
    const [r] = await checkJson([file], "--corpus", SEED.s000);
    expect(r?.findings.map((f) => [f.code, f.severity, f.where.path, f.where.label])).toEqual([
      ["copy.cross_report", "warn", "narrative[5]", "3. 效益指标情况分析"],
    ]);
    expect(r?.findings[0]?.message).toMatch(/^这段71字的文字与郑州市金水区电子政务中心2021年度的报告/);
  });

  it("the same report with the passage rewritten gives no copy.cross_report (and no other finding)", async () => {
    const file = write("rewritten.json", JSON.stringify(withPassage("duties", REWRITTEN_DUTIES)));
    const [r] = await checkJson([file], "--corpus", SEED.s000);
    expect(r?.findings).toEqual([]);
  });
});

describe("bad input to import and check: exit 2, a Chinese message naming the file, nothing written", () => {
  const MB = 1024 * 1024;
  let files: Record<string, string> = {};

  beforeAll(() => {
    // A 3 MB entry of zeros that says it holds 2 KB: stopped at the 200× ratio limit.
    const ratioBomb = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: new Uint8Array(3 * MB), declaredSize: 2048 },
    ]);
    // A 51 MB sheet compressing about 55×, declared as 4 KB: stopped at the 50 MB entry limit.
    const sheet = Buffer.alloc(51 * MB, 0x61);
    let seed = 1;
    for (let i = 0; i < sheet.length; i += 64) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      sheet[i] = seed & 0xff;
      sheet[i + 1] = (seed >>> 8) & 0xff;
    }
    const sizeBomb = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
      {
        name: "xl/worksheets/sheet1.xml",
        data: sheet,
        compressed: deflateRawSync(sheet, { level: 1 }),
        declaredSize: 4096,
      },
    ]);
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i += 1) random[i] = (i * 7919 + 13) % 251;
    files = {
      binary: write("改了扩展名.docx", random),
      ratioBomb: write("炸弹.docx", ratioBomb),
      sizeBomb: write("炸弹.xlsx", sizeBomb),
      huge: write("巨大.txt", Buffer.alloc(50 * MB, 0x61)),
      empty: write("空.txt", ""),
      emptyDocx: write("空.docx", ""),
      xls: write(
        "旧表.xls",
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]),
      ),
      missing: join(dir, "不存在.txt"),
      hello: write("你好.txt", "你好"),
    };
  });

  afterAll(() => {
    for (const path of Object.values(files)) rmSync(path, { force: true });
  });

  const cases: Array<[string, string, RegExp]> = [
    [
      "a binary file renamed .docx",
      "binary",
      /^文件 改了扩展名\.docx 不是有效的 Word 文件：\.docx 文件应是 zip 压缩包/,
    ],
    [
      "a zip bomb past the ratio limit",
      "ratioBomb",
      /^文件 炸弹\.docx 解压后的内容异常巨大（其中 word\/document\.xml 的压缩比超过 200 倍，疑似“压缩炸弹”），为安全起见未读取/,
    ],
    [
      "a zip bomb past the 50 MB entry limit",
      "sizeBomb",
      /^文件 炸弹\.xlsx 解压后的内容异常巨大（其中 xl\/worksheets\/sheet1\.xml 解压后超过 50 MB，疑似“压缩炸弹”）.*Excel/,
    ],
    ["a 50 MB .txt", "huge", /^文件 巨大\.txt 有 50 MB，超过文本文件的上限 5 MB/],
    ["an empty .txt", "empty", /^文件 空\.txt 是空的，没有可读取的内容/],
    ["an empty .docx", "emptyDocx", /^文件 空\.docx 是空的，没有可读取的内容/],
    [
      "an .xls",
      "xls",
      /^文件 旧表\.xls 是旧版 Excel 97-2003 格式（\.xls），无法读取。请在 Excel 中另存为 \.xlsx/,
    ],
    ["a missing file", "missing", /^找不到文件 .*不存在\.txt。请检查路径/],
  ];

  it.each(cases)("import: %s", async (_name, key, message) => {
    const file = files[key] ?? "";
    const out = join(dir, `out-${key}.json`);
    const r = await run("import", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/内部错误|at .*\.ts:\d+/);
    expect(r.out).toBe("");
    expect(out).not.toSatisfy(existsSync);
  });

  it.each(cases)("check: %s", async (_name, key, message) => {
    const r = await run("check", files[key] ?? "", "--json", "--db", noDb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("[]");
  });

  it("check goes on with the other files and still exits 2", async () => {
    const r = await run("check", files.binary ?? "", SEED.s000, "--json", "--db", noDb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^文件 改了扩展名\.docx 不是有效的 Word 文件/);
    expect((JSON.parse(r.out) as CheckedReport[]).map((c) => c.report.unit)).toEqual([
      "郑州市金水区电子政务中心",
    ]);
  });

  it("import: a .txt with no report in it (你好) is read (exit 0) and says what it lacks; --out saves nothing (exit 2)", async () => {
    const plain = await run("import", files.hello ?? "");
    expect(plain.code).toBe(0);
    expect(plain.out).toContain(`读取 ${files.hello}（文本）：找到 1 份报告`);
    expect(plain.out).toContain("【主报告】（单位、年度或类型未读全）");
    expect(plain.out).toContain(
      "  文件中没有写明：单位名称、年度、报告类型（可用 --name、--year、--kind 补上；ziping check 仍会核查其余内容）",
    );
    expect(plain.out).toContain("  已读取：（没有读到表格、章节或数字）");
    expect(plain.out).not.toMatch(/字段|无效|undefined|"kind"|department/);
    const out = join(dir, "out-hello.json");
    const r = await run("import", files.hello ?? "", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `未保存 ${out}：${files.hello} 中没有一份报告读全了单位名称、年度和报告类型（缺单位名称、年度、报告类型）。可用 --name、--year、--kind 补上，例如 --name 南县财政局 --year 2020 --kind 部门整体；不保存也可以直接 ziping check 这个文件。`,
    );
    expect(out).not.toSatisfy(existsSync);
  });

  it("import --name/--year/--kind supply what the file does not say, and then --out saves it", async () => {
    const out = join(dir, "out-hello-named.json");
    const r = await run(
      "import",
      files.hello ?? "",
      "--name",
      "南县财政局",
      "--year",
      "2020",
      "--kind",
      "部门整体",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("单位名称：南县财政局（由 --name 指定）");
    const saved = JSON.parse(readFileSync(out, "utf8"));
    expect([saved.unit.name, saved.year, saved.kind]).toEqual(["南县财政局", 2020, "department"]);
    const bad = await run("import", files.hello ?? "", "--year", "二〇二〇");
    expect([bad.code, bad.err.split("\n")[0]]).toEqual([
      2,
      "--year 应为四位年份，例如 --year 2021（读到“二〇二〇”）",
    ]);
  });

  it("import --out into a folder that does not exist is bad input (exit 2), not an internal error", async () => {
    const r = await run("import", SEED.s000, "--out", join(dir, "没有的文件夹", "r.json"));
    expect(r.err).not.toContain("内部错误");
    expect(r.code).toBe(2);
  });

  it("check: a .txt with no report in it (你好) is checked (exit 0): report.* findings name what is missing and which checks could not run", async () => {
    const r = await run("check", files.hello ?? "", "--db", noDb, "--json");
    expect(r.code).toBe(0);
    const [checked] = JSON.parse(r.out);
    expect(checked.report).toEqual({ unit: null, year: null, kind: "department", kindAssumed: true });
    expect(checked.score).toEqual({
      total: null,
      grade: null,
      withheld: "没有读到绩效指标表，没有可计分的指标",
    });
    // Issue 14: no grade.mismatch "报告未写自评得分和评价等级" — with no table read, that is not known.
    expect(checked.findings.map((f: { code: string }) => f.code)).toEqual([
      "report.kind_missing",
      "report.table_unread",
      "report.table_unread",
      "report.unit_missing",
      "report.year_missing",
    ]);
    expect(checked.notRun.map((n: { what: string }) => n.what)).toEqual([
      "文中出现其他单位名称或职能",
      "文中混入其他年度的文字或数据",
      "分值、得分与指标完成情况",
      "预算执行率",
      "叙述部分（空话、照抄、前后矛盾）",
    ]);
    expect(r.out).not.toMatch(/字段|无效选项/);
  });
});
