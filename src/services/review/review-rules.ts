import type { ReviewEntry, ReviewResult } from "./review-result.ts";

type RuleView = ReviewResult["rules"][number];

const SEVERITY_ORDER = { error: 0, warn: 1, info: 2 } as const;

/**
 * The per-rule view: each finding code of the batch with how many reports break it and how many
 * findings it gave, most reports first (then errors before warnings, then code), with the first
 * report's message as an example. Duplicates count too: the reviewer sees the batch as given.
 */
export function ruleView(entries: readonly ReviewEntry[]): RuleView[] {
  const rules = new Map<string, RuleView>();
  for (const entry of entries) {
    const name = `${entry.path}【${entry.label}】`;
    for (const f of entry.findings) {
      const rule = rules.get(f.code);
      if (rule === undefined) {
        rules.set(f.code, {
          code: f.code,
          severity: f.severity,
          reports: 1,
          findings: 1,
          message: f.message,
          files: [name],
        });
        continue;
      }
      rule.findings++;
      // A code's severity can depend on the case; the rule is shown at its most serious.
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[rule.severity]) rule.severity = f.severity;
      if (rule.files.at(-1) !== name) {
        rule.files.push(name);
        rule.reports++;
      }
    }
  }
  return [...rules.values()].sort(
    (a, b) =>
      b.reports - a.reports ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
