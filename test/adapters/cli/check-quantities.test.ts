import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import { run, writeIn } from "./cli-harness.ts";

const dir = mkdtempSync(join(tmpdir(), "ziping-check-quantities-"));
const noDb = join(dir, "none.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A Fujian 2018 project report written by hand after the kind a reviewer reads (2013 framework:
 * 投入 / 过程 / 产出与效益, a 评分标准 column): the narrative restates the table's actuals with three
 * slips (视频会议 162 for 192场, 外网信件 695 for 675件, 满意率 96.75% for 95.75%) and a saving that is
 * not budget − spent (113.79 for 318.91 − 191.12 = 127.79). Everything else it restates agrees, or is
 * a target, last year's figure, a part or an approximation: none of those is a finding.
 */
const FUJIAN = `宁德市某某办公室2018年度政务网等运行维护费项目支出绩效自评报告

一、项目基本情况
政务网等运行维护费项目年初预算318.91万元，调整后预算318.91万元，全年执行191.12万元，预算执行率59.93%，节约资金113.79万元。2017年保障视频会议150场。

二、项目绩效目标完成情况
全年保障视频会议162场，其中省级视频会议40场；办理外网信件695件，约为上年的1.2倍；政务网在线率99.5%；群众满意率96.75%。年度目标为保障视频会议150场、办理外网信件600件。

三、项目绩效自评表
一级指标\t二级指标\t三级指标\t评分标准\t指标值\t实际完成值\t分值\t得分
投入\t资金使用\t资金使用率\t资金使用率>95%得满分，否则按比例得分\t>95%\t59.93%\t30\t18
过程\t业务管理\t制度执行\t制度健全并执行得满分，否则酌情扣分\t健全\t健全\t30\t30
产出与效益\t数量指标\t视频会议保障场次\t每减少10场扣1分\t≥150场\t192场\t10\t10
\t\t外网信件办理数量\t每减少30件扣1分\t≥600件\t675件\t10\t10
\t质量指标\t政务网在线率\t≥99%得满分\t≥99%\t99.5%\t10\t10
\t满意度\t群众满意率\t≥90%得满分\t≥90%\t95.75%\t10\t10
合计\t\t\t\t\t\t100\t88

四、存在的问题
部分运维合同签订较晚，资金支付进度偏慢。
`;

async function checked(name: string, text: string): Promise<CheckedReport> {
  const r = await run("check", writeIn(dir, name, text), "--db", noDb, "--json");
  expect(r.code).toBe(0);
  const [first] = JSON.parse(r.out) as CheckedReport[];
  if (first === undefined) throw new Error("no report");
  return first;
}

const ANALYSIS = "二、项目绩效目标完成情况";

describe("check a report whose narrative and table disagree (issue 14)", () => {
  it("finds the three restated actuals and the saving, each with both places and the working", async () => {
    const report = await checked("fujian.txt", FUJIAN);
    const found = report.findings
      .filter((f) => ["value.conflict", "budget.balance_mismatch"].includes(f.code))
      .map((f) => [f.code, f.where.label, f.where.quote, f.expected, f.actual]);
    expect(found).toEqual([
      ["budget.balance_mismatch", "一、项目基本情况", "节约资金113.79万元", "127.79万元", "113.79万元"],
      ["value.conflict", ANALYSIS, "全年保障视频会议162场", "192场", "162场"],
      ["value.conflict", ANALYSIS, "办理外网信件695件", "675件", "695件"],
      ["value.conflict", ANALYSIS, "群众满意率96.75%", "95.75%", "96.75%"],
    ]);
    const messages = report.findings.filter(
      (f) => f.code === "budget.balance_mismatch" || f.code === "value.conflict",
    );
    expect(messages.map((f) => f.message)).toEqual([
      "报告称节约资金113.79万元，但调整后预算318.91万元 − 执行数191.12万元 = 127.79万元。请核对节约资金金额，或写明它的计算口径（例如按到位资金计算）。",
      `“${ANALYSIS}”写“全年保障视频会议162场”，即162场；绩效指标表“产出与效益 / 数量指标 / 视频会议保障场次”的实际完成值是192场。同一数量两处不一致（162场 ≠ 192场），请按原始资料改成一致。`,
      `“${ANALYSIS}”写“办理外网信件695件”，即695件；绩效指标表“产出与效益 / 数量指标 / 外网信件办理数量”的实际完成值是675件。同一数量两处不一致（695件 ≠ 675件），请按原始资料改成一致。`,
      `“${ANALYSIS}”写“群众满意率96.75%”，即96.75%；绩效指标表“产出与效益 / 满意度 / 群众满意率”的实际完成值是95.75%。同一数量两处不一致（96.75% ≠ 95.75%），请按原始资料改成一致。`,
    ]);
  });

  it("with the narrative corrected, none of these findings remains", async () => {
    const fixed = FUJIAN.replace("162场", "192场")
      .replace("695件", "675件")
      .replace("96.75%", "95.75%")
      .replace("113.79万元", "127.79万元");
    const report = await checked("fujian-fixed.txt", fixed);
    expect(
      report.findings.filter((f) => ["value.conflict", "budget.balance_mismatch"].includes(f.code)),
    ).toEqual([]);
  });
});

describe("real reports (fixtures/real 47, 48: 保山 2017 project reports, narrative only)", () => {
  const MINE = ["value.conflict", "budget.balance_mismatch", "budget.subrows_sum", "count.mismatch"];

  it("47: 经费170万元 received as 70万元 + 60万元 + 20元 + 20万元 is the one finding; 1700000元 = 170万元 is not a conflict", async () => {
    const r = await run(
      "check",
      "fixtures/real/47_yunnan_baoshan_dianziwuzheng_yunwei.txt",
      "--db",
      noDb,
      "--json",
    );
    const [report] = JSON.parse(r.out) as CheckedReport[];
    expect(
      report?.findings.filter((f) => MINE.includes(f.code)).map((f) => [f.code, f.expected, f.actual]),
    ).toEqual([["budget.subrows_sum", "170万元", "150.002万元"]]);
    expect(report?.score).toEqual({
      total: null,
      grade: null,
      withheld: "没有读到绩效指标表，没有可计分的指标",
    });
  });

  it("48: budget 5万元 spent 5万元 and its counts (675篇, 63篇) give no finding", async () => {
    const r = await run("check", "fixtures/real/48_yunnan_baoshan_zhengwuxinxi.txt", "--db", noDb, "--json");
    const [report] = JSON.parse(r.out) as CheckedReport[];
    expect(report?.findings.filter((f) => MINE.includes(f.code))).toEqual([]);
  });
});
