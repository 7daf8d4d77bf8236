import { SEVERITY_LABEL, severityCounts } from "../../core/finding.ts";
import { fmt } from "../../scoring/rounding.ts";
import type { DeliverySummary } from "../../services/draft-delivery.ts";

/**
 * The lines the terminal prints after a draft (`ziping draft`, the chat's 生成报告): files written,
 * who drafted, score, sections whose model text was replaced, missing figures, findings.
 */
export function deliveryLines(summary: DeliverySummary, written: readonly string[]): string[] {
  const lines = written.map((f) => `已写入：${f}`);
  lines.push(`起草方式：${summary.drafter}`);
  lines.push(
    `按规则得分：${summary.score === null ? "—" : fmt(summary.score)}分（${summary.grade ?? ""}）；评分方案：${summary.scheme}`,
  );
  if (summary.officerSections > 0)
    lines.push(`保留了您自己写的 ${summary.officerSections} 节；其余由 ziping 起草。`);
  for (const r of summary.replaced)
    lines.push(`  “${r.section}”的模型稿未采用，已按数据起草：${r.reasons.join("；")}`);
  if (summary.missing.length > 0)
    lines.push(`待补充数据 ${summary.missing.length} 项：${summary.missing.join("、")}`);
  if (summary.fontMissing)
    lines.push("提示：未找到中文字体（建议安装 fonts-noto-cjk），得分率图表中的文字可能无法显示。");
  lines.push(...findingLines(summary.findings));
  return lines;
}

/** Findings in a few lines: counts, then one line each. */
function findingLines(findings: DeliverySummary["findings"]): string[] {
  if (findings.length === 0) return ["核查：草稿未发现问题。"];
  return [
    `核查发现 ${findings.length} 项（${severityCounts(findings.map((f) => ({ severity: f.level })))}），已列在文末：`,
    ...findings.map((f) => `- [${SEVERITY_LABEL[f.level]}] ${f.text}`),
  ];
}
