import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckedReport } from "../../../src/adapters/cli/check-command.ts";
import { run } from "./cli-harness.ts";

const dir = mkdtempSync(join(tmpdir(), "ziping-check-partial-"));
const noDb = join(dir, "none.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seed 000 with its title, its "(2021 年度)" line and every mention of its unit taken out. */
function anonymousSeed000(): string {
  const path = join(dir, "无名报告.txt");
  const text = readFileSync("fixtures/seeds/000_0839647822e00506.txt", "utf8")
    .replace("# 电子政务中心部门整体绩效自评报告\n", "")
    .replace("(2021 年度)\n", "")
    .replaceAll("郑州市金水区电子政务中心", "");
  writeFileSync(path, text);
  return path;
}

describe("a report whose title, unit and year cannot be found is still checked", () => {
  it("exit 0; its arithmetic is checked and scored as with the title (92.71); the findings name what was missing", async () => {
    const r = await run("check", anonymousSeed000(), "--json", "--db", noDb);
    expect(r.code).toBe(0);
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    expect(checked?.report).toEqual({ unit: null, year: null, kind: "department" });
    expect(checked?.score).toEqual({ total: 92.71, grade: "优", reported: 96 });
    const codes = new Set(checked?.findings.map((f) => f.code));
    for (const code of [
      "report.unit_missing",
      "report.year_missing",
      "weights.block_sum",
      "weights.total",
      "score.total_mismatch",
      "score.met_not_full",
      "narrative.contradiction",
    ])
      expect(codes).toContain(code);
    // The checks that would read the missing unit or year did not run, and say so.
    expect(codes).not.toContain("year.mismatch");
    expect(codes).not.toContain("copy.foreign_agency");
    expect(checked?.notRun.map((n) => [n.codes.join(","), n.why])).toEqual([
      ["copy.foreign_agency", "不知道本单位是谁"],
      ["year.mismatch", "不知道报告是哪一年的"],
    ]);
  });

  it("prints the missing unit and year as such, and the checks that could not run", async () => {
    const r = await run("check", anonymousSeed000(), "--db", noDb);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【主报告】（未读出单位） （未读出年度） 部门整体绩效自评");
    expect(r.out).toContain("按规则得分：92.71分（优）；报告填报96分");
    expect(r.out).toContain("未能核查：文中混入其他年度的文字或数据（不知道报告是哪一年的）");
  });

  it("--name and --year supply them, and the year check runs again", async () => {
    const r = await run(
      "check",
      anonymousSeed000(),
      "--json",
      "--db",
      noDb,
      "--name",
      "郑州市金水区电子政务中心",
      "--year",
      "2021",
    );
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    expect(checked?.report).toEqual({ unit: "郑州市金水区电子政务中心", year: 2021, kind: "department" });
    expect(checked?.notRun).toEqual([]);
    expect(
      checked?.findings.some((f) => f.code.startsWith("report.unit") || f.code.startsWith("report.year")),
    ).toBe(false);
  });
});

describe("a report no installed scheme fits is scored by its own table (按本表结构), never another region's scheme", () => {
  const table = (withWeights: boolean) =>
    [
      "某某镇人民政府2021年度部门整体支出绩效自评报告",
      `一级指标\t二级指标\t三级指标\t指标值\t实际完成值${withWeights ? "\t分值\t得分" : ""}`,
      `决策指标\t目标设定\t目标明确性\t明确\t明确${withWeights ? "\t10\t10" : ""}`,
      `管理指标\t资金管理\t资金到位率\t100%\t80%${withWeights ? "\t10\t10" : ""}`,
      ...(withWeights ? ["合计\t\t\t\t\t20\t20"] : []),
    ].join("\n");

  it("its blocks and weights, the national row rules, and a finding that says so", async () => {
    const path = join(dir, "决策管理.txt");
    writeFileSync(path, table(true));
    const r = await run("check", path, "--json", "--db", noDb);
    expect(r.code).toBe(0);
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    expect(checked?.report).toEqual({ unit: "某某镇人民政府", year: 2021, kind: "department" });
    expect(checked?.scheme.id).toBe("table-structure");
    // 目标明确性 met: 10; 资金到位率 80% of 100%: 10 × 80 ÷ 100 = 8; total 18 (of the 20 the table weighs).
    expect(checked?.score.total).toBe(18);
    const codes = checked?.findings.map((f) => f.code) ?? [];
    expect(codes).toContain("scheme.table_structure");
    expect(codes).not.toContain("report.scheme_unfit");
    // 80% of a 100% target scored full is wrong whatever the scheme.
    expect(codes).toContain("score.unmet_full");
    expect(checked?.findings.find((f) => f.code === "weights.total")?.message).toBe(
      "各指标分值合计为20分（决策指标10 + 管理指标10），不是100分。",
    );
    expect(checked?.scheme.reason).toBe(
      "已安装的评分办法都与报告对不上（报告的一级指标为决策指标、管理指标，地区也无从判断），按本表结构计分：决策指标10分、管理指标10分；可用 --scheme 指定本地区的评分办法",
    );
  });

  it("without weights there is no structure to score by: report.scheme_unfit, no total, row checks still run", async () => {
    const path = join(dir, "无分值.txt");
    writeFileSync(path, table(false));
    const r = await run("check", path, "--json", "--db", noDb);
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    expect(checked?.score.total).toBeNull();
    const codes = checked?.findings.map((f) => f.code) ?? [];
    expect(codes).toContain("report.scheme_unfit");
    expect(
      checked?.findings.filter((f) => f.code === "weights.block_sum" && f.where.path === "indicators"),
    ).toEqual([]);
    expect(checked?.findings.find((f) => f.code === "report.scheme_unfit")?.message).toContain(
      "报告的一级指标（决策指标、管理指标）",
    );
  });
});

describe("a file cut inside its indicator table (as web pages and PDF exports stop)", () => {
  it("report.table_cut names the last block read; no block or total sum is reported against the cut table", async () => {
    const path = join(dir, "截断.txt");
    const lines = readFileSync("fixtures/seeds/000_0839647822e00506.txt", "utf8").split("\n");
    writeFileSync(path, lines.slice(0, 71).join("\n"));
    const r = await run("check", path, "--json", "--db", noDb);
    expect(r.code).toBe(0);
    const [checked] = JSON.parse(r.out) as CheckedReport[];
    const cut = checked?.findings.filter((f) => f.code === "report.table_cut");
    expect(cut?.map((f) => f.where.quote)).toEqual(["产出指标"]);
    const sums = ["weights.block_sum", "weights.total", "score.block_sum", "score.total_mismatch"];
    expect(checked?.findings.filter((f) => sums.includes(f.code))).toEqual([]);
    // The rows read are still checked: 预算执行率 ≥97%, actual 97%, scored 1 of 2.
    expect(
      checked?.findings.some((f) => f.code === "score.met_not_full" && f.where.label.includes("预算执行率")),
    ).toBe(true);
  });
});
