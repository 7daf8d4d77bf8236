import type { Finding } from "../core/finding.ts";
import type { Grade, Report } from "../core/report.ts";
import { statesValue } from "../scoring/rounding.ts";
import { quoteAround, type SectionRef, sectionFinding, sectionName } from "./section-text.ts";
import { QUANTITY_LABELS, type QuantityKey, type Statement, statementsOf } from "./text-quantities.ts";

/** A value from the report's tables, with its precision and how to write it. */
interface ModelValue {
  value: number | Grade;
  decimals: number;
  written: string;
}

function decimalsOf(text: string): number {
  return text.replace(/[^\d.]/g, "").split(".")[1]?.length ?? 0;
}

function modelValue(key: QuantityKey, report: Report): ModelValue | undefined {
  const { summary, budget } = report;
  if (key === "total") {
    return summary.total === undefined
      ? undefined
      : { value: summary.total, decimals: decimalsOf(String(summary.total)), written: `${summary.total}分` };
  }
  if (key === "grade") return summary.grade && { value: summary.grade, decimals: 0, written: summary.grade };
  if (key === "rate") {
    const r = budget.reportedRate;
    return r && { value: r.value, decimals: r.decimals, written: r.text };
  }
  const money = budget[key];
  if (!money) return undefined;
  const decimals = decimalsOf(money.text) + (money.unit === "元" ? 4 : 0);
  return { value: money.wan, decimals, written: money.text };
}

/** Whether two statements of a quantity agree, each at its own precision (rounded or truncated). */
function sameValue(a: ModelValue | Statement, b: ModelValue | Statement): boolean {
  if (typeof a.value === "string" || typeof b.value === "string") return a.value === b.value;
  return statesValue(a.value, b.value, b.decimals) || statesValue(b.value, a.value, a.decimals);
}

/** The clause of the statement that holds its figure. */
function quoteOf(s: Statement): string {
  const figure = s.written.match(/[\d.,]+|[优良中差]/)?.[0] ?? "";
  const at = figure === "" ? -1 : s.sentence.indexOf(figure);
  return at < 0 ? s.sentence : quoteAround(s.sentence, at, at + figure.length);
}

function conflict(s: Statement, other: string, otherWritten: string, expected: string): Finding {
  const label = QUANTITY_LABELS[s.key];
  return sectionFinding(
    "value.conflict",
    "warn",
    s.ref,
    quoteOf(s),
    `${sectionName(s.ref)}写${label}为${s.written}，但${other}是${otherWritten}。同一数字两处不一致，请核对原始资料后改成一致。`,
    { expected, actual: s.written },
  );
}

/**
 * value.conflict between the narrative and the tables: total score vs summary.total, grade vs
 * summary.grade, 预算执行率 vs budget.reportedRate, 年初 / 调整 / 执行 amounts vs budget (万元 and 元
 * normalised; equal at the precision written). Where the tables lack the quantity, two narrative
 * statements of it are compared with each other. One finding per section and quantity.
 */
export function checkValues(refs: readonly SectionRef[], report: Report): Finding[] {
  const statements = statementsOf(refs, report);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const once = (s: Statement, make: () => Finding) => {
    const key = `${s.ref.path}#${s.key}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(make());
  };
  for (const s of statements) {
    const model = modelValue(s.key, report);
    if (model) {
      if (!sameValue(s, model)) once(s, () => conflict(s, "报告表格中", model.written, model.written));
      continue;
    }
    const first = statements.find((o) => o.key === s.key);
    if (first && first !== s && !sameValue(first, s)) {
      once(s, () => conflict(s, `${sectionName(first.ref)}中`, first.written, first.written));
    }
  }
  return findings;
}
