import type { Finding } from "../core/finding.ts";
import type { Indicator } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { normalizeName } from "../scoring/names.ts";
import { INDICATOR_UNITS } from "./data/indicator-units.ts";
import { clip } from "./section-text.ts";

type Kind = "rate" | "amount";

function nameKind(name: string): Kind | undefined {
  const n = normalizeName(name).replace(/[。.，,；;、]+$/u, "");
  if (INDICATOR_UNITS.rateEndings.some((e) => n.endsWith(e))) return "rate";
  return INDICATOR_UNITS.amountEndings.some((e) => n.endsWith(e)) ? "amount" : undefined;
}

/** The units an indicator states: its 度量单位 and the unit of a quantitative target. */
function statedUnits(ind: Indicator): string[] {
  const target = ind.target?.kind === "quantitative" ? ind.target.unit : "";
  return [...new Set([ind.unit?.trim() ?? "", target.trim()])].filter((u) => u !== "" && !u.includes("定性"));
}

/** Why `unit` cannot be right for an indicator of this kind, or undefined when it can. */
function wrongUnit(kind: Kind, unit: string): string | undefined {
  if (kind === "rate" && INDICATOR_UNITS.moneyUnits.includes(unit)) return "金额单位";
  if (kind === "rate" && INDICATOR_UNITS.countUnits.includes(unit)) return "计数单位";
  if (kind === "amount" && (unit === "%" || unit === "％")) return "百分比";
  return undefined;
}

function message(ind: Indicator, kind: Kind, unit: string, why: string): string {
  return kind === "rate"
    ? `指标“${ind.name}”是比率，度量单位却是“${unit}”（${why}）。比率应以%计：请把指标值和实际完成值改为百分比（如“≥95%”）；如考核的确是金额或数量，请把指标名称改为相应的名称（如“…金额”“…个数”）。`
    : `指标“${ind.name}”是金额，度量单位却是“${unit}”（${why}）。请把指标值和实际完成值改为金额（如“≤50万元”）；如考核的是比率，请把指标名称改为“…率”。`;
}

/**
 * unit.suspect: a unit that cannot be right for the indicator — a rate (…率, 满意度) measured in 元 or
 * 个/次/人, an amount (…金额, …资金, …经费) measured in %. Reverse indicators whose actual value
 * contradicts the target are the scorer's (actual.contradicts_target), not this check's.
 */
export function checkUnits(report: Report): Finding[] {
  return report.indicators.flatMap((block, bi) =>
    block.groups.flatMap((group, gi) =>
      group.indicators.flatMap((ind, ii): Finding[] => {
        const kind = nameKind(ind.name);
        if (kind === undefined) return [];
        const unit = statedUnits(ind).find((u) => wrongUnit(kind, u) !== undefined);
        if (unit === undefined) return [];
        const target = ind.target?.text ?? "";
        return [
          {
            code: "unit.suspect",
            severity: "warn",
            where: {
              path: `indicators[${bi}].groups[${gi}].indicators[${ii}]`,
              label: `${normalizeName(block.name)} / ${group.name} / ${ind.name}`,
              quote: clip(`${ind.name} ${target} ${ind.unit ?? ""}`),
            },
            message: message(ind, kind, unit, wrongUnit(kind, unit) ?? ""),
            expected: kind === "rate" ? "%" : "元/万元",
            actual: unit,
          },
        ];
      }),
    ),
  );
}
