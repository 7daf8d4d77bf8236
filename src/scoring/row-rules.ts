import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import type { RuleOrigin } from "./apply-rule.ts";
import type { IndicatorRule } from "./indicator-rule.ts";
import { nameMatches, normalizeName } from "./names.ts";
import type { Scheme, SchemeBlock } from "./scheme.ts";

/** Reads a row's printed 评分标准 into a rule, or says why it cannot. */
export type CriterionReader = (
  text: string,
  row: { weight?: number; targetUnit?: string },
) => { ok: true; rule: IndicatorRule } | { ok: false; reason: string };

/** A row's explicit rule and where it came from, plus a note when its printed criterion was unreadable. */
export interface RowRuleChoice {
  rule?: RuleOrigin & { source: "criterion" | "scheme" };
  findings: Finding[];
}

/** The scheme's rowRule for a row: by indicator name, then by group, then by block; undefined: defaults. */
function schemeRowRule(
  scheme: Scheme,
  block: SchemeBlock | undefined,
  groupName: string,
  indicatorName: string,
): IndicatorRule | undefined {
  const name = normalizeName(indicatorName);
  const rules = scheme.rowRules;
  const byName = rules.find(
    (r) =>
      r.names.some((n) => normalizeName(n) === name) &&
      (r.block === undefined || r.block === block?.id) &&
      (r.group === undefined || nameMatches(groupName, r.group, [])),
  );
  if (byName !== undefined) return byName.rule;
  const byGroup = rules.find(
    (r) =>
      r.names.length === 0 &&
      r.group !== undefined &&
      nameMatches(groupName, r.group, groupAliases(block, r.group)) &&
      (r.block === undefined || r.block === block?.id),
  );
  if (byGroup !== undefined) return byGroup.rule;
  return rules.find((r) => r.names.length === 0 && r.group === undefined && r.block === block?.id)?.rule;
}

function groupAliases(block: SchemeBlock | undefined, group: string): string[] {
  return block?.groups.find((g) => normalizeName(g.name) === normalizeName(group))?.aliases ?? [];
}

/**
 * The rule a row is scored by: its own printed 评分标准 when it can be read (the region set it for
 * this row), else the scheme's rowRule, else none (the scheme's defaults). A criterion that cannot be
 * read is named in an info finding and the row falls back to the scheme.
 */
export function chooseRowRule(
  ind: Indicator,
  where: { path: string; label: string },
  scheme: Scheme,
  block: SchemeBlock | undefined,
  groupName: string,
  readCriterion: CriterionReader | undefined,
): RowRuleChoice {
  const findings: Finding[] = [];
  const text = ind.criterion?.trim();
  if (text !== undefined && text !== "" && readCriterion !== undefined) {
    const unit = ind.target?.kind === "quantitative" ? ind.target.unit : undefined;
    const read = readCriterion(text, {
      ...(ind.weight === undefined ? {} : { weight: ind.weight }),
      ...(unit === undefined ? {} : { targetUnit: unit }),
    });
    if (read.ok) {
      return {
        rule: { rule: { ...read.rule, text }, from: "报告所列评分标准", source: "criterion" },
        findings,
      };
    }
    findings.push({
      code: "criterion.unread",
      severity: "info",
      where: { ...where, quote: text },
      message: `报告所列评分标准“${text}”未能识别（${read.reason}），此行按${scheme.name}的规则计分。`,
    });
  }
  const rule = schemeRowRule(scheme, block, groupName, ind.name);
  if (rule === undefined) return { findings };
  return { rule: { rule, from: `方案（${scheme.name}）规则`, source: "scheme" }, findings };
}
