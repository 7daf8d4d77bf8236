import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import type { Explanation } from "../../../src/scoring/explain.ts";
import { run } from "./cli-harness.ts";

const dir = mkdtempSync(join(tmpdir(), "ziping-fujian-"));
const noDb = join(dir, "none.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A Fujian-style project table of the 2013 framework (投入 30 / 过程 30 / 产出与效益 40) with a 评分标准
 * column, written from real phrasings (the Fujian report, 岳阳 and Hunan criteria): a judgement
 * row, two step deductions, a strict ">", all-or-nothing rows, bands, and rows adding to 41 under 40.
 *
 * Hand computation (the rule of each row is its own 评分标准):
 *   投入  立项规范性      规范 → 规范: met, judgement rule → 10
 *         资金到位率      100% → 100%: met → 10
 *         到位及时率      100% → 90%: 10 points short, 每低1个百分点扣0.5分 → 10 − 5 = 5
 *                                                                        投入 25 of 30
 *   过程  管理制度健全性  健全 → 基本健全 (部分达成): 酌情扣分, officer 8, no reason written → 8
 *         资金使用率      >95%: 95% is not above 95, 否则不得分 → 0
 *         资金使用合规性  合规 → 合规 → 10
 *                                                                        过程 18 of 30
 *   产出与效益 处理外网信件 ≥750件 → 675件: 75 short, 每减少30件扣1分, 2 whole steps → 10 − 2 = 8
 *         视频会议保障率  100% → 100% → 10
 *         群众满意率      ≥90% → 95.75% → 10
 *         长效管理机制    建立 → 建立 → 11 (its 分值 11 makes the block's rows 41 under a heading of 40)
 *                                   rows 39, within the 40 cap           产出与效益 39 of 40
 *   Total 25 + 18 + 39 = 82 (良); the report claims 99.
 */
const TABLE = [
  "某某市数字办公室2018年度政务网运行维护费项目支出绩效自评表",
  "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\t评分标准",
  "投入（30分）\t项目立项\t立项规范性\t规范\t规范\t10\t10\t符合规定得满分，否则酌情扣分并说明理由",
  "投入（30分）\t资金落实\t资金到位率\t100%\t100%\t10\t10\t资金到位率100%得满分，每低1个百分点扣0.5分",
  "投入（30分）\t资金落实\t到位及时率\t100%\t90%\t10\t10\t到位及时率100%得满分，每低1个百分点扣0.5分",
  "过程（30分）\t业务管理\t管理制度健全性\t健全\t基本健全\t10\t8\t健全得满分，否则酌情扣分并说明理由",
  "过程（30分）\t财务管理\t资金使用率\t≥95%\t95%\t10\t10\t资金使用率>95%得满分，否则不得分",
  "过程（30分）\t财务管理\t资金使用合规性\t合规\t合规\t10\t10\t完成得满分，未完成不得分",
  "产出与效益（40分）\t产出数量\t处理外网信件\t≥750件\t675件\t10\t10\t每减少30件扣1分",
  "产出与效益（40分）\t产出质量\t视频会议保障率\t100%\t100%\t10\t10\t达到目标值得满分，否则按比例得分",
  "产出与效益（40分）\t社会效益\t群众满意率\t≥90%\t95.75%\t10\t10\t≥90%得满分，80%-90%得6分，<80%不得分",
  "产出与效益（40分）\t可持续影响\t长效管理机制\t建立\t建立\t11\t11\t完成得满分，未完成不得分",
  "合计\t\t\t\t\t101\t99\t",
].join("\n");

const file = join(dir, "福建式自评表.txt");
writeFileSync(file, TABLE);

async function checked(...args: string[]): Promise<CheckedReport> {
  const r = await run("check", file, "--json", "--db", noDb, ...args);
  expect(r.code).toBe(0);
  const [report] = JSON.parse(r.out) as CheckedReport[];
  if (report === undefined) throw new Error("no report checked");
  return report;
}

describe("a Fujian-style 2013-framework table scored by its own 评分标准", () => {
  it.each([
    ["the Fujian scheme", ["--scheme", "fujian-project"], "fujian-project"],
    ["按本表结构", ["--scheme", "table"], "table-structure"],
  ])("under %s: 82 (良), as the hand computation", async (_, args, id) => {
    const report = await checked(...args);
    expect(report.scheme.id).toBe(id);
    expect(report.score).toMatchObject({ total: 82, grade: "良", reported: 99 });
    const wrong = report.findings
      .filter((f) => f.code === "score.unmet_full")
      .map((f) => [f.where.label, f.message]);
    expect(wrong).toEqual([
      [
        "投入 / 资金落实 / 到位及时率",
        "“到位及时率”未达到标准，却给了满分10分；按规则应为5分（按报告所列评分标准“到位及时率100%得满分，每低1个百分点扣0.5分”：实际值90%未达到≥100%，差10个百分点，每1个百分点扣0.5分：扣10 × 0.5 = 5分，得10 − 5 = 5分）。",
      ],
      [
        "过程 / 财务管理 / 资金使用率",
        "“资金使用率”未达到标准，却给了满分10分；按规则应为0分（按报告所列评分标准“资金使用率>95%得满分，否则不得分”：实际值95%未达到>95%，不得分）。",
      ],
      [
        "产出与效益 / 产出数量 / 处理外网信件",
        "“处理外网信件”未达到标准，却给了满分10分；按规则应为8分（按报告所列评分标准“每减少30件扣1分”：实际值675件未达到≥750件，差75件，每30件扣1分：扣2 × 1 = 2分，得10 − 2 = 8分）。",
      ],
    ]);
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain("score.judgement_unexplained");
    expect(report.findings.find((f) => f.code === "weights.block_sum")?.message).toBe(
      "“产出与效益”标称40分，但其三级指标分值合计为41分。请调整分值使其合计为40分。",
    );
  });

  it("with no scheme named, the table's blocks pick a 2013-framework scheme and say why", async () => {
    const report = await checked();
    expect(report.scheme.id).toMatch(/^(fujian-project|cn-2013-common-framework-project)$/);
    expect(report.scheme.reason).toBe("一级指标与分值相符");
    expect(report.score.total).toBe(82);
  });

  it("the explanation lists every point lost with its rule: 18 = 10 + 5 + 2 + 1", async () => {
    const saved = join(dir, "fj.json");
    const imported = await run("import", file, "--name", "某某市数字办公室", "--out", saved);
    expect(imported.code).toBe(0);
    const r = await run("explain", saved, "--scheme", "table", "--json");
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out) as Explanation & { schemeId: string; schemeReason: string };
    expect(e.schemeId).toBe("table-structure");
    expect(e.schemeReason).toBe("--scheme 指定按本表结构计分");
    expect(e.total).toBe(82);
    expect(e.lostTotal).toBe(18);
    expect(e.items.map((i) => [i.kind, i.label, i.lost])).toEqual([
      ["rule", "过程 / 财务管理 / 资金使用率", 10],
      ["rule", "投入 / 资金落实 / 到位及时率", 5],
      ["judgement", "过程 / 业务管理 / 管理制度健全性", 2],
      ["structure", "产出与效益", 1],
    ]);
    expect(e.items[0]?.why).toBe(
      "按报告所列评分标准“资金使用率>95%得满分，否则不得分”：实际值95%未达到>95%，不得分",
    );
    expect(e.items[3]?.details?.map((d) => [d.label, d.lost])).toEqual([
      ["产出与效益 / 产出数量 / 处理外网信件", 2],
    ]);
  });
});
