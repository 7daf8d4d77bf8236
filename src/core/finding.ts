import { z } from "zod";

/** How serious a finding is: error = the report is wrong; warn = needs a look; info = for the record. */
const SeveritySchema = z.enum(["error", "warn", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** How severities are named to people, the same in the terminal and at the end of a draft. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warn: "警告", info: "提示" };

/** "错误 12，警告 5，提示 1": how many findings of each severity, as the terminal and the chat say it. */
export function severityCounts(findings: readonly { severity: Severity }[]): string {
  return SeveritySchema.options
    .map((s) => `${SEVERITY_LABEL[s]} ${findings.filter((f) => f.severity === s).length}`)
    .join("，");
}

/**
 * A problem found in a report, with a stable code (see shared docs/domain.md §3), where it is,
 * and a Chinese explanation that says how to fix it. Findings are data: checks return all of them.
 */
const FindingSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  /** Where: a field path into the report model and a human label such as "效益指标 / 满意度 / 辖区居民满意". */
  where: z.object({ path: z.string(), label: z.string(), quote: z.string().optional() }),
  message: z.string(),
  expected: z.union([z.string(), z.number()]).optional(),
  actual: z.union([z.string(), z.number()]).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

/** Sorts findings most serious first, then by code and path, so output is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code) ||
      a.where.path.localeCompare(b.where.path),
  );
}
