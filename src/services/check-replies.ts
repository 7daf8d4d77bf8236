import type { PassageMatch } from "../checks/copy/copy-search.ts";
import type { Json } from "../conversation/patch.ts";
import type { Reply } from "../conversation/replies.ts";
import { SEVERITY_LABEL, severityCounts } from "../core/finding.ts";
import { type Report, ReportSchema } from "../core/report.ts";
import { describeIssues } from "../core/validation.ts";
import { fmt } from "../scoring/rounding.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { checkWithScheme } from "./check-with-scheme.ts";

/** Most findings listed in a chat reply; the rest are counted (the full list is in the draft). */
const MAX_ROWS = 30;

/**
 * "核查" in a chat: the checker's findings on a report (arithmetic, boilerplate, contradictions,
 * and passages found in other agencies' reports when a search is given) as replies (a line with the score and the
 * counts, then one line per finding: 级别, 代码, 位置, 说明). A report not yet complete enough to score says
 * what is missing instead.
 */
export function checkReplies(
  doc: Json,
  schemes: readonly Scheme[],
  searchCopies: (report: Report) => PassageMatch[] = () => [],
): Reply[] {
  const report = ReportSchema.safeParse(doc);
  if (!report.success)
    return [
      {
        type: "notice",
        level: "warn",
        text: `报告还不完整，暂不能核查：\n${describeIssues(report.error.issues).join("\n")}`,
      },
    ];
  const checked = checkWithScheme(report.data, { text: "", override: undefined, schemes, searchCopies });
  if (!checked.ok) return [{ type: "notice", level: "error", text: `暂不能核查：${checked.error.message}` }];
  const { card, findings } = checked.value;
  const head: Reply = {
    type: "text",
    text: `按规则得分 ${fmt(card.total)} 分（${card.grade}）。核查发现 ${findings.length} 项：${severityCounts(findings)}。`,
  };
  if (findings.length === 0) return [head];
  const lines = findings
    .slice(0, MAX_ROWS)
    .map((f) => `· [${SEVERITY_LABEL[f.severity]}] ${f.code} ${f.where.label}：${f.message}`);
  if (findings.length > MAX_ROWS)
    lines.push(`另有 ${findings.length - MAX_ROWS} 项，生成报告后见文末“附：核查发现”。`);
  return [head, { type: "text", text: lines.join("\n") }];
}
