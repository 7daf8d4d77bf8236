import { type Report, ReportSchema } from "./report.ts";
import { reportFieldLabel } from "./report-field-label.ts";
import { fail, ok, type Result } from "./result.ts";
import "./validation.ts";

/** Messages for the identity fields, which zod would word with English enum values or types. */
const IDENTITY_MESSAGES: Record<string, string> = {
  kind: '报告类型应为部门整体或项目支出：报告文件中写 "kind": "department" 或 "project"，报告原文请在标题写明，例如“2021年度部门整体支出绩效自评报告”',
  unit: "没有单位名称：请写明单位全称，例如“郑州市金水区电子政务中心”",
  "unit.name": "没有单位名称：请写明单位全称，例如“郑州市金水区电子政务中心”",
  year: "年度应为四位年份，例如 2021（标题写作“2021年度……绩效自评报告”）",
};

/**
 * Validates a report (a file, an import, a stored draft) and lists every problem in Chinese, each
 * naming the field as an officer reads the report ("绩效指标“产出指标 / 数量指标 / 水标尺宽度”的分值")
 * rather than by its path in the model.
 */
export function validateReport(data: unknown, code: string, what: string): Result<Report> {
  const parsed = ReportSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const lines = parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join(".");
    const identity = IDENTITY_MESSAGES[key];
    if (identity !== undefined) return identity;
    return issue.path.length === 0
      ? issue.message
      : `${reportFieldLabel(issue.path, data)}：${issue.message}`;
  });
  return fail(code, `${what}不符合要求：\n${[...new Set(lines)].map((l) => `  - ${l}`).join("\n")}`);
}
