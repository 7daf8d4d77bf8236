import type { Finding } from "../core/finding.ts";
import { levelPath } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { parseAmount } from "../numbers/index.ts";
import { statesValue } from "../scoring/rounding.ts";

/** Names of a cost row that states the whole project's cost rather than one item of it. */
const WHOLE_COST = /^(?:项目)?(?:总成本|总投资|总投入|总支出|实际总投资)$/u;

function compact(text: string): string {
  return text.replace(/[\s“”"'（）()]/g, "");
}

/**
 * value.conflict between a 成本指标 row that states the whole project's cost — the project's own name
 * ("市民中心运行维护费 150万 → 150万"), or 项目总成本 / 项目总投资 — and the budget table's 执行数
 * (125.25万元): the same money written twice with two values. Rows costing one item of the project, a
 * planned figure (计划总投资), and an actual that is not an exact amount are not compared.
 */
export function checkCostRow(report: Report): Finding[] {
  const executed = report.budget.executed;
  if (executed === undefined) return [];
  const project = report.project === undefined ? "" : compact(report.project);
  const findings: Finding[] = [];
  report.indicators.forEach((block, bi) => {
    block.groups.forEach((group, gi) => {
      if (!/成本/.test(`${block.name}${group.name}`)) return;
      group.indicators.forEach((row, ri) => {
        const name = compact(row.name);
        if (!(WHOLE_COST.test(name) || (project.length >= 4 && name === project))) return;
        const actual = row.actual === undefined ? undefined : parseAmount(row.actual);
        if (actual === undefined || !actual.ok) return;
        const a = actual.value.wan;
        if (statesValue(executed.wan, a, 2) || statesValue(a, executed.wan, 2)) return;
        findings.push({
          code: "value.conflict",
          severity: "warn",
          where: {
            path: `indicators[${bi}].groups[${gi}].indicators[${ri}].actual`,
            label: levelPath(block.name, group.name, row.name),
            quote: row.actual ?? "",
          },
          message: `成本指标“${row.name}”的实际完成值写的是${row.actual}，但预算表的全年执行数是${executed.text}：同一笔钱写了两个数。请按实际支出改正其中一处。`,
          expected: executed.text,
          actual: row.actual ?? "",
        });
      });
    });
  });
  return findings;
}
