import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { score } from "../../src/scoring/score.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";
import { textDocx } from "../importing/files/seed-documents.ts";
import { firstReport } from "./imported-files.ts";

/**
 * Issue 14: an actual that is the target copied with its comparator ("≥90%" as the 实际完成值) is no
 * measured value: actual.missing, whatever the table's layout. A qualitative row whose actual is such a
 * bound is actual.missing too (its completion band cannot be read from it).
 */

const dir = mkdtempSync(join(tmpdir(), "ziping-copied-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = [
  "中江县水利局2022年度小型水库水标尺制作安装项目支出绩效自评报告",
  "项目名称：小型水库水标尺制作安装",
];
const HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"];
const ROWS = [
  ["产出指标", "数量指标", "安装坡面水标尺", "≥266米", "≥266米", "40", "40"],
  ["", "时效指标", "及时完工率", "≥90%", "≥90%", "40", "40"],
  ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥95%", "≥95%", "10", "10"],
  ["", "", "群众对水标尺的满意程度", "满意", "≥95%", "10", "10"],
  ["总分", "", "", "", "", "100", "100"],
];

const EXPECTED = [
  ["产出指标 / 数量指标 / 安装坡面水标尺", "≥266米"],
  ["产出指标 / 时效指标 / 及时完工率", "≥90%"],
  ["满意度指标 / 服务对象满意度指标 / 受益群众满意度", "≥95%"],
  ["满意度指标 / 服务对象满意度指标 / 群众对水标尺的满意程度", "≥95%"],
];

async function missing(name: string, content: string | Uint8Array): Promise<string[][]> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const report = await firstReport(path);
  const scheme = loadScheme("cn-2020-project-default");
  if (!scheme.ok) throw new Error(scheme.error.message);
  return score(report, scheme.value)
    .findings.filter((f) => f.code === "actual.missing")
    .map((f) => [f.where.label, f.where.quote ?? ""]);
}

describe("a target copied as the actual is actual.missing in every layout", () => {
  it("tab-separated rows", async () => {
    const text = [...TITLE, ...[HEADER, ...ROWS].map((r) => r.join("\t"))].join("\n");
    expect(await missing("tab.txt", text)).toEqual(EXPECTED);
  });

  it("a “|” table", async () => {
    const text = [...TITLE, ...[HEADER, ...ROWS].map((r) => `| ${r.join(" | ")} |`)].join("\n");
    expect(await missing("pipe.txt", text)).toEqual(EXPECTED);
  });

  it("a Word table", async () => {
    const text = [...TITLE, ...[HEADER, ...ROWS].map((r) => r.join("\t"))].join("\n");
    expect(await missing("table.docx", await textDocx(text))).toEqual(EXPECTED);
  });

  it("cells run together (split by the header order and the value grammar)", async () => {
    const run =
      "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(80分)数量指标安装坡面水标尺40≥266米≥266米40时效指标及时完工率40≥90%≥90%40满意度指标(20分)服务对象满意度指标受益群众满意度20≥95%≥95%20总分100100";
    expect(await missing("run.txt", [...TITLE, run].join("\n"))).toEqual(EXPECTED.slice(0, 3));
  });

  it("says what the report wrote, why it is no actual value, how the row is scored and what to write", async () => {
    const path = join(dir, "one.txt");
    writeFileSync(path, [...TITLE, ...[HEADER, ROWS[1] ?? []].map((r) => r.join("\t"))].join("\n"));
    const scheme = loadScheme("cn-2020-project-default");
    if (!scheme.ok) throw new Error(scheme.error.message);
    const found = score(await firstReport(path), scheme.value).findings.find(
      (f) => f.code === "actual.missing",
    );
    expect([found?.severity, found?.message]).toEqual([
      "warn",
      "“及时完工率”的实际完成值写的是“≥90%”，与指标值“≥90%”相同：这是照抄的目标范围，不是实际完成的数值，所以本行缺少实际完成值（暂按指标值90%计分）。请填写实际完成的数值，例如“90%”。",
    ]);
  });
});
