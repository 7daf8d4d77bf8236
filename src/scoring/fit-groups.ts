import type { Finding } from "../core/finding.ts";
import { levelPath } from "../core/indicators.ts";
import { nameMatches, normalizeName } from "./names.ts";
import { fmt, round } from "./rounding.ts";
import type { Scheme, SchemeBlock } from "./scheme.ts";
import type { BlockScore, IndicatorScore } from "./score-card.ts";

/** A report's second-level group as scored: its name, the weight its heading states, its rows. */
export interface ScoredGroup {
  blockName: string;
  name: string;
  path: string;
  statedWeight?: number;
  rows: IndicatorScore[];
}

/** What fitting the groups gives a block: points after capping groups at their weight, and findings. */
export interface GroupFit {
  /** Sum of the rows' points after each weighed group is capped or scaled to its weight. */
  points: number;
  findings: Finding[];
  /** Groups held to the scheme's weight, for the explanation. */
  capped: NonNullable<BlockScore["groupCaps"]>;
}

/**
 * Second-level weights: a group heading's stated 分值 ("数量指标（20分）") must be the sum of its rows'
 * (rows that add to 41 under a heading of 40 are a finding), and where the scheme weighs a group, the
 * heading must say its weight and the group earns at most that weight (capped, or scaled when the
 * scheme scales). Groups the scheme does not weigh keep their rows' points.
 */
export function fitGroups(
  groups: readonly ScoredGroup[],
  scheme: Scheme,
  block: SchemeBlock | undefined,
): GroupFit {
  const findings: Finding[] = [];
  const d = scheme.rounding.decimals;
  let points = 0;
  const capped: GroupFit["capped"] = [];
  for (const g of groups) {
    const label = levelPath(normalizeName(g.blockName), g.name);
    const rowPoints = g.rows.reduce((a, r) => a + r.points, 0);
    const allWeighted = g.rows.length > 0 && g.rows.every((r) => r.rule !== "missing.weight");
    const rowWeights = round(
      g.rows.reduce((a, r) => a + r.weight, 0),
      2,
    );
    const ruled = block?.groups.find((sg) => nameMatches(g.name, sg.name, sg.aliases));
    const heading = g.statedWeight ?? ruled?.weight;
    if (allWeighted && heading !== undefined && Math.abs(rowWeights - heading) > 1e-9) {
      const whose = g.statedWeight === undefined ? `方案（${scheme.name}）规定` : "标称";
      findings.push({
        code: "weights.group_sum",
        severity: "error",
        where: { path: g.path, label, quote: `${g.name}（${fmt(heading)}分）` },
        message: `二级指标“${g.name}”${whose}${fmt(heading)}分，但其三级指标分值合计为${fmt(rowWeights)}分（${g.rows.map((r) => fmt(r.weight)).join(" + ")}）。请调整分值使其合计为${fmt(heading)}分。`,
      });
    }
    if (
      ruled !== undefined &&
      g.statedWeight !== undefined &&
      Math.abs(g.statedWeight - ruled.weight) > 1e-9
    ) {
      findings.push({
        code: "weights.group_sum",
        severity: "error",
        where: { path: g.path, label },
        message: `二级指标“${g.name}”在报告中标称${fmt(g.statedWeight)}分，方案（${scheme.name}）规定为${fmt(ruled.weight)}分。`,
      });
    }
    if (ruled !== undefined && allWeighted && rowWeights > ruled.weight + 1e-9) {
      const held =
        scheme.blockWeightMismatch === "scale"
          ? (rowPoints * ruled.weight) / rowWeights
          : Math.min(rowPoints, ruled.weight);
      points += held;
      capped.push({
        name: g.name,
        weight: ruled.weight,
        rowWeightSum: rowWeights,
        rowPoints: round(rowPoints, d),
        points: round(held, d),
      });
    } else {
      points += rowPoints;
    }
  }
  return { points: round(points, d), findings, capped };
}
