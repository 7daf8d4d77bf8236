import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";

/**
 * A criterion that names the period it evaluates: "该指标以2015年完工的新建楼堂馆所为评价内容",
 * "以2019年度预算为考核对象". An earlier year than the report's means the scoring table was carried
 * over from an old template.
 */
const EVALUATED_YEAR =
  /以\s*((?:19|20)\d{2})\s*年(?:度)?[^，,。；;\n]{0,24}?为(?:评价|考核|考评)(?:内容|对象|范围|依据)/g;

/** A stale year in a criterion text: the year, and the words around it. */
export interface StaleYear {
  year: number;
  quote: string;
}

/** Years earlier than `year` that a criterion text gives as the period it evaluates. */
export function staleCriterionYears(text: string, year: number): StaleYear[] {
  return [...text.matchAll(EVALUATED_YEAR)]
    .filter((m) => Number(m[1]) < year)
    .map((m) => {
      const from = Math.max(0, m.index - 8);
      return { year: Number(m[1]), quote: text.slice(from, m.index + m[0].length) };
    });
}

/** The year.mismatch finding of a stale criterion, located at `where`. */
export function staleYearFinding(
  hit: StaleYear,
  reportYear: number,
  where: { path: string; label: string },
  unread: boolean,
): Finding {
  return {
    code: "year.mismatch",
    severity: "warn",
    where: { ...where, quote: hit.quote },
    message: `评分标准写的是以${hit.year}年的情况为评价内容，本报告是${reportYear}年度的自评报告：疑似沿用了旧年度的评分表。请改为${reportYear}年的评价内容。${unread ? "（此句出自未能逐列读取的表格行，按原文核查。）" : ""}`,
  };
}

/** year.mismatch for every read indicator row whose printed 评分标准 evaluates an earlier year. */
export function checkCriterionYears(report: Report): Finding[] {
  return report.indicators.flatMap((block, bi) =>
    block.groups.flatMap((group, gi) =>
      group.indicators.flatMap((ind, ii) =>
        staleCriterionYears(ind.criterion ?? "", report.year).map((hit) =>
          staleYearFinding(
            hit,
            report.year,
            {
              path: `indicators[${bi}].groups[${gi}].indicators[${ii}].criterion`,
              label: `${ind.name}的评分标准`,
            },
            false,
          ),
        ),
      ),
    ),
  );
}
