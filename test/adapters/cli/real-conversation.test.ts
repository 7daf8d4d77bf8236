import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { scriptMessages } from "../../../src/adapters/cli/chat-command.ts";
import { checkReport } from "../../../src/checks/check-report.ts";
import type { Report } from "../../../src/core/report.ts";
import { collectFacts } from "../../../src/drafting/facts.ts";
import { isSourced, sentenceSources } from "../../../src/drafting/sentence-sources.ts";
import { stockPhrasesIn } from "../../../src/drafting/stock-phrases.ts";
import { score } from "../../../src/scoring/score.ts";
import { loadReport } from "../../../src/services/report-files.ts";
import { schemeOfReport } from "../../services/scheme-of-report.ts";
import { run } from "./cli-harness.ts";

/**
 * Issue 15's acceptance: an officer from outside the seeds (fixtures/real/43, a 2023 Anhui village
 * subsidy project of 张庄寨镇人民政府, source https://www.ahxx.gov.cn/grassroots/279/158998981.html)
 * types what the report holds — unit, project, year, 主管部门 and a county in one line; a skipped
 * scheme; the contact; the budget with a typo; the indicator table pasted from Word with merged
 * cells and 其中 sub-rows; a correction; a question; the scheme chosen later; the goals; 全部跳过
 * for what the report does not say; 生成报告 — in 12 messages.
 */
const root = join(import.meta.dirname, "../../..");
const SCRIPT = join(root, "fixtures/conversations/real-43-anhui-project.txt");
const dir = mkdtempSync(join(tmpdir(), "ziping-real-chat-"));
const out = join(dir, "out");
let report: Report;
let md = "";

beforeEach(() => {
  for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL", "LLM_RESPONSE_FORMAT"])
    vi.stubEnv(name, "");
  return () => vi.unstubAllEnvs();
});
beforeAll(async () => {
  for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LLM_MODEL", "LLM_RESPONSE_FORMAT"])
    vi.stubEnv(name, "");
  const r = await run("chat", "--script", SCRIPT, "--db", join(dir, "chat.db"), "--out", out);
  vi.unstubAllEnvs();
  expect(r.code).toBe(0);
  const file = readdirSync(out).find((f) => f.endsWith(".json"));
  if (file === undefined) throw new Error(`no report exported:\n${r.out}\n${r.err}`);
  const loaded = loadReport(join(out, file));
  if (!loaded.ok) throw new Error(loaded.error.message);
  report = loaded.value;
  md = readFileSync(join(out, file.replace(/\.json$/, ".md")), "utf8");
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a real report from outside the seeds, typed as its officer would (issue 15)", () => {
  it("takes 12 messages", () => {
    expect(scriptMessages(readFileSync(SCRIPT, "utf8"))).toHaveLength(12);
  });

  it("exports exactly the report the conversation describes", () => {
    expect(report).toEqual({
      schemaVersion: 1,
      kind: "project",
      unit: { name: "张庄寨镇人民政府", region: "萧县", parent: "县农业农村局" },
      project: "河西村特色种养补贴到户",
      year: 2023,
      schemeId: "anhui-project",
      preparer: { name: "李宁", phone: "0557-5788003" },
      goals: {
        text: "落实39户特色种养业奖补政策，增加脱贫户家庭收入",
        status: "落实39户特色种养业奖补政策，增加脱贫户家庭收入",
      },
      tasks: [],
      budget: {
        adjusted: { value: 9.48, unit: "万元", wan: 9.48, text: "9.48万元" },
        executed: { value: 9.48, unit: "万元", wan: 9.48, text: "9.48万元" },
      },
      indicators: [
        {
          name: "产出指标",
          weight: 50,
          groups: [
            {
              name: "数量指标",
              indicators: [
                {
                  name: "★补助各类瓜果蔬菜种植面积",
                  target: { kind: "quantitative", comparator: null, value: 29.5, unit: "亩", text: "29.5亩" },
                  actual: "29.5亩",
                  weight: 20,
                  score: 20,
                },
                {
                  name: "★补助鱼塘面积",
                  target: { kind: "quantitative", comparator: null, value: 3, unit: "亩", text: "3亩" },
                  actual: "3亩",
                  weight: 10,
                  score: 10,
                },
                {
                  name: "★补助家畜家禽养殖数量",
                  target: { kind: "quantitative", comparator: null, value: 192, unit: "只", text: "192只" },
                  actual: "192只",
                  weight: 10,
                  score: 10,
                },
              ],
            },
            {
              name: "质量指标",
              indicators: [
                {
                  name: "种植作物成活率",
                  target: { kind: "quantitative", comparator: null, value: 95, unit: "%", text: "95%" },
                  actual: "95%",
                  weight: 5,
                  score: 5,
                },
                {
                  name: "养殖家畜家禽成活率",
                  target: { kind: "quantitative", comparator: null, value: 95, unit: "%", text: "95%" },
                  actual: "100%",
                  weight: 5,
                  score: 5,
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
              name: "经济效益指标",
              indicators: [
                {
                  name: "特色产业带动增加受益农户收入(总收入)",
                  target: {
                    kind: "quantitative",
                    comparator: "≥",
                    value: 11.376,
                    unit: "万元",
                    text: "≥11.376万元",
                  },
                  actual: "12万元",
                  weight: 20,
                  score: 20,
                },
              ],
            },
            {
              name: "社会效益指标",
              indicators: [
                {
                  name: "受益人口数量",
                  target: { kind: "quantitative", comparator: null, value: 90, unit: "人", text: "90人" },
                  actual: "90人",
                  weight: 10,
                  score: 10,
                },
              ],
            },
          ],
        },
      ],
      summary: { blocks: [] },
      narrative: [],
    });
  });

  it("scores it as a hand computation does: 10 + 50 + 30 + 0 = 90 (优)", () => {
    const scheme = schemeOfReport(report);
    if (!scheme.ok) throw new Error(scheme.error.message);
    const card = score(report, scheme.value);
    expect(card.blocks.map((b) => [b.name, b.points])).toEqual([
      ["预算执行", 10],
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 0],
    ]);
    expect([card.total, card.grade]).toEqual([90, "优"]);
  });

  it("drafts only sentences with a source (each listed) or a 〔待补充〕 marker", () => {
    const scheme = schemeOfReport(report);
    if (!scheme.ok) throw new Error(scheme.error.message);
    const card = score(report, scheme.value);
    const sentences = sentenceSources(md, {
      report,
      card,
      sheet: collectFacts(report, card),
      findings: checkReport(report, card),
    });
    expect(sentences.map((s) => [s.sentence, s.sources])).toEqual([
      ["“河西村特色种养补贴到户”由张庄寨镇人民政府实施，主管部门为县农业农村局。", ["name:project"]],
      [
        "年度总体目标：落实39户特色种养业奖补政策，增加脱贫户家庭收入",
        ["officer:goals.text", "officer:goals.status"],
      ],
      [
        "实际完成情况：落实39户特色种养业奖补政策，增加脱贫户家庭收入",
        ["officer:goals.text", "officer:goals.status"],
      ],
      [
        "本项目设置一级指标2个、二级指标4个、三级指标7个；按评分方案，各一级指标分值合计100分（预算执行10分、产出指标50分、效益指标30分、满意度指标10分）。",
        [
          "fact:indicators.count",
          "fact:budget.weight",
          "fact:block.output.weight",
          "fact:block.outcome.weight",
        ],
      ],
      ["各项指标的指标值、实际完成值、分值及得分见下表。", ["connective"]],
      [
        "说明：表中“得分”为按评分规则（安徽 项目支出绩效自评）逐项计算的得分，执行率按表中金额计算；报告原填数值与之不同的，在括号内注明“原填”数值，差异原因见文末“附：核查发现”。",
        ["scheme"],
      ],
      ["〔待补充：自评工作如何组织（组织形式、时间、参与人员、资料收集和核查方式）〕", ["待补充"]],
      [
        "评分依据为《安徽 项目支出绩效自评》，一级指标及分值为“预算执行”（10分）、“产出指标”（50分）、“效益指标”（30分）、“满意度指标”（10分）；共7个三级指标，7个取得满分。",
        [
          "fact:budget.weight",
          "fact:block.output.weight",
          "fact:block.outcome.weight",
          "fact:indicators.count",
          "name:block:预算执行",
          "name:block:产出指标",
          "name:block:效益指标",
          "name:block:满意度指标",
          "scheme",
        ],
      ],
      [
        "根据项目支出绩效自评评分规则（安徽 项目支出绩效自评）对每个指标分别评分，本项目2023年度项目支出绩效自评得分为90分，评价等级为“优”。",
        ["fact:year", "fact:score.total", "grade", "scheme"],
      ],
      [
        "其中，预算执行10分（满分10分），产出指标50分（满分50分），效益指标30分（满分30分），满意度指标0分（满分10分）。",
        ["fact:budget.weight", "fact:block.output.weight", "fact:block.outcome.weight", "fact:budget.lost"],
      ],
      ["各项指标得分情况如下：", ["connective"]],
      [
        "“产出指标”分值50分，按评分规则得50分，得分率100%。",
        ["fact:block.output.weight", "fact:budget.rate", "name:block:产出指标"],
      ],
      [
        "该部分三级指标全部取得满分：“★补助各类瓜果蔬菜种植面积”实际完成值29.5亩（指标值29.5亩），“★补助鱼塘面积”实际完成值3亩（指标值3亩），“★补助家畜家禽养殖数量”实际完成值192只（指标值192只），均达到指标值。",
        [
          "fact:indicator.1.target",
          "fact:indicator.2.target",
          "fact:indicator.3.target",
          "name:indicator:★补助各类瓜果蔬菜种植面积",
          "name:indicator:★补助鱼塘面积",
          "name:indicator:★补助家畜家禽养殖数量",
        ],
      ],
      [
        "“效益指标”分值30分，按评分规则得30分，得分率100%。",
        ["fact:block.outcome.weight", "fact:budget.rate", "name:block:效益指标"],
      ],
      [
        "该部分三级指标全部取得满分：“特色产业带动增加受益农户收入(总收入)”实际完成值12万元（指标值≥11.376万元），“受益人口数量”实际完成值90人（指标值90人），均达到指标值。",
        [
          "fact:indicator.6.actual",
          "fact:indicator.6.target",
          "fact:indicator.7.target",
          "name:indicator:特色产业带动增加受益农户收入(总收入)",
          "name:indicator:受益人口数量",
        ],
      ],
      [
        "“满意度指标”分值10分，按评分规则得0分，得分率0%。",
        ["fact:budget.weight", "fact:budget.lost", "fact:block.satisfaction.rate", "name:block:满意度指标"],
      ],
      [
        "报告未提供“满意度指标”的三级指标（指标值、实际完成值和分值），该部分无法逐项分析，请补充。",
        ["name:block:满意度指标"],
      ],
      [
        "经自评，张庄寨镇人民政府2023年度按《安徽 项目支出绩效自评》计算得90分，评价等级为“优”，共失10分。",
        ["fact:year", "fact:score.total", "fact:budget.weight", "grade", "scheme"],
      ],
      ["按失分从大到小，发现的主要问题如下：", ["connective"]],
      [
        "（一）报告未提供“满意度指标”的三级指标，该一级指标10分无从得分，请补充。",
        ["fact:budget.weight", "name:block:满意度指标"],
      ],
      [
        "改进措施：补充“满意度指标”的三级指标、指标值、实际完成值和分值，使其分值合计为10分，再按评分规则逐项计分。",
        ["fact:budget.weight", "name:block:满意度指标"],
      ],
      [
        "本次自评发现的失分问题为“满意度指标”（见“五、存在的主要问题和改进措施”部分）。",
        ["name:block:满意度指标"],
      ],
      ["〔待补充：自评结果如何应用（问题整改、预算安排）和如何公开（公开方式、时间）〕", ["待补充"]],
      ["〔待补充：本次自评工作的经验和建议〕", ["待补充"]],
    ]);
    expect(sentences.filter((s) => !isSourced(s.sources))).toEqual([]);
    const body = md.split(/^## 附：/mu)[0] ?? "";
    expect(stockPhrasesIn(body)).toEqual([]);
    expect(body).not.toMatch(/[a-z]+\.[a-z_]+/u);
    expect(md).toContain("〔待补充：自评工作如何组织（组织形式、时间、参与人员、资料收集和核查方式）〕");
  });

  it("ziping check of its own .docx finds no error the report data does not have", async () => {
    const errors = async (path: string) => {
      const r = await run("check", path, "--json", "--db", join(dir, "c.db"));
      const checked = JSON.parse(r.out) as {
        findings: { code: string; severity: string; where: { label: string } }[];
      }[];
      return checked.flatMap((c) =>
        c.findings.filter((f) => f.severity === "error").map((f) => `${f.code} @ ${f.where.label}`),
      );
    };
    const file = readdirSync(out).find((f) => f.endsWith(".json")) ?? "";
    const data = await errors(join(out, file));
    const docx = await errors(join(out, file.replace(/\.json$/, ".docx")));
    expect(docx.filter((e) => !data.includes(e))).toEqual([]);
    // The one error of the data: the report (cut in its source) has no 满意度 rows.
    expect(data).toEqual(["weights.block_sum @ 满意度指标"]);
  });
});
