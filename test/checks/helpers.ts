import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../src/core/finding.ts";
import { type Report, type ReportInput, ReportSchema } from "../../src/core/report.ts";
import type { Section, SectionId } from "../../src/core/sections.ts";
import { score } from "../../src/scoring/score.ts";
import type { ScoreCard } from "../../src/scoring/score-card.ts";
import { loadScheme } from "../../src/services/scheme-files.ts";
import { block, henanScheme, metRow } from "../scoring/build-report.ts";

/** A seed fixture (fixtures/reports/<name>.json) and its score card under its own scheme. */
export function seed(name: string): { report: Report; card: ScoreCard } {
  const path = join(import.meta.dirname, "../../fixtures/reports", `${name}.json`);
  const report = ReportSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const scheme = loadScheme(report.schemeId ?? "");
  if (!scheme.ok) throw new Error(scheme.error.message);
  return { report, card: score(report, scheme.value) };
}

/**
 * A department report of 郑州市金水区数字城管中心 (2021) under the Henan district scheme. By default it
 * loses points on two rows: 案件结案率 (≥95%, actual 90%: 18.95 of 20) and the budget (95 of 100 万元
 * spent: 9.5 of 10), so the rules give 98.45 (优). `over` replaces top-level fields.
 */
export function synthetic(over: Partial<ReportInput> = {}): { report: Report; card: ScoreCard } {
  const input: ReportInput = {
    kind: "department",
    unit: { name: "郑州市金水区数字城管中心", region: "河南省郑州市金水区" },
    year: 2021,
    schemeId: "henan-zhengzhou-district-department",
    tasks: [
      { name: "数字城管平台运维", budget: "60万元", executed: "60万元" },
      { name: "监控设备采购", budget: "40万元", executed: "35万元" },
    ],
    budget: { initial: "100万元", adjusted: "100万元", executed: "95万元", reportedRate: "95%" },
    indicators: [
      block("投入管理指标", 20, [metRow("预算编制科学性", 10), metRow("管理制度健全性", 10)]),
      block("产出指标", 40, [
        { name: "案件结案率", target: "≥95%", unit: "%", actual: "90%", weight: 20 },
        metRow("平台运行稳定性", 20),
      ]),
      block("效益指标", 30, [metRow("社会效益", 15), metRow("可持续影响", 15)]),
    ],
    summary: { total: 98.45, grade: "优" },
    narrative: [],
    ...over,
  };
  const report = ReportSchema.parse(input);
  return { report, card: score(report, henanScheme()) };
}

/** A narrative section for `synthetic({ narrative: [...] })`. */
export function section(id: SectionId, title: string, text: string): Section {
  return { id, title, text };
}

/** (code, severity, path) of each finding, the shape the exact-list assertions compare. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.severity} ${f.where.path}`);
}
