import { measureOf, relateUnits } from "../../numbers/index.ts";
import type { Otherwise, Threshold } from "../indicator-rule.ts";
import type { Clause } from "./criterion-clauses.ts";
import type { Reading } from "./criterion-values.ts";

/**
 * The units of a criterion against its row: a percent threshold on a row counted in 件 (unless it is
 * the row's completion rate) or a step of 30件 on a percent row contradict the row. A step written
 * in a unit of the same measure (50厘米 on a row in 米) is converted to the row's unit.
 */

const PERCENT_UNITS = new Set(["%", "个百分点", "百分比", "百分率", "百分点"]);

/** The row's unit when it is one the rule can be checked against; undefined for "定性" or none. */
export function rowUnit(targetUnit: string | undefined): string | undefined {
  const unit = targetUnit?.trim() ?? "";
  if (PERCENT_UNITS.has(unit)) return "%";
  return measureOf(unit) === undefined ? undefined : unit;
}

/** The factor that brings a value in `unit` into the row's unit, or a reason when they differ. */
function unitFactor(unit: string, row: string | undefined, what: string): Reading<number> {
  if (unit === "" || row === undefined) return { ok: true, value: 1 };
  const percent = PERCENT_UNITS.has(unit);
  if (percent || row === "%") {
    return percent && row === "%"
      ? { ok: true, value: 1 }
      : { ok: false, reason: `${what}以“${unit}”计，与本行的计量单位“${row}”不符` };
  }
  const relation = relateUnits(unit, row);
  if (relation.kind === "different")
    return { ok: false, reason: `${what}以“${unit}”计，与本行的计量单位“${row}”不符` };
  return { ok: true, value: relation.kind === "same" ? relation.factor : 1 };
}

/** Checks the units of a rule and converts a step's size to the row's unit (see the module comment). */
export function checkUnits(input: {
  full: Threshold | undefined;
  otherwise: Otherwise;
  step: Extract<Clause, { kind: "step" }> | undefined;
  targetUnit: string | undefined;
}): Reading<Otherwise> {
  const row = rowUnit(input.targetUnit);
  const { full, otherwise, step } = input;
  // On a completion basis the percents are of the row's completion rate, whatever the row's unit.
  const completion = full?.basis === "completion";
  if (full !== undefined && !completion) {
    const unit = unitFactor(full.unit, row, `得满分的条件“${full.comparator}${full.value}${full.unit}”`);
    if (!unit.ok) return unit;
  }
  if (otherwise.method === "step" && step?.per.kind === "one") {
    const per = step.per.bound;
    const percent = PERCENT_UNITS.has(per.unit);
    const factor =
      completion && percent
        ? { ok: true as const, value: 1 }
        : unitFactor(per.unit, row, `扣分步长“${step.text}”`);
    if (!factor.ok) return factor;
    return { ok: true, value: { ...otherwise, per: Number((otherwise.per * factor.value).toFixed(10)) } };
  }
  return { ok: true, value: otherwise };
}
