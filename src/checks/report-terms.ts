import type { Report } from "../core/report.ts";
import { compact } from "./section-text.ts";

const UNIT_SUFFIX = /(服务中心|中心|委员会|办公室|局|委|办|院|所|站|队|馆|处)$/;
const REGION_PART = /.+?(?:特别行政区|自治区|自治州|自治县|地区|省|市|盟|区|县|旗)/g;
const ACTIVITY_SUFFIX = /(管理|服务|事务|工作|发展)$/;

/** Region names to drop from a unit name: "河南省郑州市金水区" → 河南省, 河南, 郑州市, 郑州, 金水区, 金水. */
function regionNames(report: Report): string[] {
  const parts = [...(report.unit.region ?? "").matchAll(REGION_PART)].map((m) => m[0]);
  return parts.flatMap((p) => [p, p.slice(0, -1)]).filter((p) => p.length >= 2);
}

/** The unit's name without region prefixes: "郑州市金水区电子政务中心" → "电子政务中心". */
export function unitShortName(report: Report): string {
  let name = compact(report.unit.name);
  const regions = regionNames(report).sort((a, b) => b.length - a.length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of regions) {
      if (name.startsWith(r) && name.length > r.length + 1) {
        name = name.slice(r.length);
        changed = true;
      }
    }
  }
  return name;
}

/** The unit's line of business from its name: 电子政务中心 → 电子政务; 政务服务和大数据管理局 → 政务服务, 大数据. */
export function unitKeywords(report: Report, minLength: number): string[] {
  const core = unitShortName(report).replace(UNIT_SUFFIX, "");
  const parts = core.split(/[和与及、]/).flatMap((p) => [p, p.replace(ACTIVITY_SUFFIX, "")]);
  return [...new Set(parts)].filter((p) => p.length >= minLength);
}

/** Task names without "任务1:" and years, and third-level indicator names, compacted. */
export function itemNames(report: Report, minLength: number): string[] {
  const tasks = report.tasks.map((t) =>
    compact(t.name.replace(/^\s*任务\s*\d+\s*[:：]/, "").replace(/\d{4}\s*年(度)?/g, "")),
  );
  const indicators = report.indicators.flatMap((b) =>
    b.groups.flatMap((g) => g.indicators.map((i) => compact(i.name))),
  );
  const project = report.project ? [compact(report.project)] : [];
  return [...new Set([...tasks, ...indicators, ...project])].filter((n) => n.length >= minLength);
}

/** Ways the report names its own unit (full and short name), longest first, for masking. */
export function ownNames(report: Report): string[] {
  const names = [compact(report.unit.name), unitShortName(report)];
  return [...new Set(names)].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
}
