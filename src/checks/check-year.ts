import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { quoteAround, type SectionRef, sectionFinding, sectionName, sentencesOf } from "./section-text.ts";

const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/g;
/** A sentence that compares years or tells history: its other years are legitimate. */
const COMPARISON =
  /较|相比|同比|环比|同期|对比|比上年|比去年|比(?:19|20)\d{2}|增长|增加|减少|下降|上升|去年|上年|以来|历年|截至|截止|至今|成立|更名|以前|之前|连续/;
/** A sentence that refers back to an earlier evaluation ("对2020年度绩效评价发现的问题进行整改"). */
const REFERENCE = /整改|发现的问题|反馈|结果应用|上一年度|往年/;
/** A sentence about plans: later years are legitimate there ("2022年将继续…"). */
const FUTURE = /将|计划|拟|下一步|明年|预计|力争/;
/** Right after a later year, with nothing between: "2022年度部门整体绩效自评". */
const EVALUATION_DIRECT = /^度?(?:部门整体|部门|单位|整体|项目)?(?:支出)?(?:绩效自评|绩效评价|自评)/;
/** Right after a year: the self-evaluation itself ("2020年度部门整体绩效自评", "2020年最终得分"). */
const EVALUATION =
  /^度?[^，,。；;\n]{0,10}?(?:绩效自评|自评报告|自评工作|自评得分|自评结果|绩效评价|整体绩效|最终得分|综合得分|评分得分|评价等级)/;
/** Right before a year: the report speaking of its own year ("我部门2020年", "本年度（2019年）"). */
const SELF = /(?:(?:我|本)(?:部门|单位|中心|局|委|办)|本年度?\s*[（(])\s*$/;
/** Right after an earlier year: this year's accounts ("2019年末资产合计", "2020年度收入合计"). */
const ACCOUNTS =
  /^(?:度|末|底)?[^，,。；;\n]{0,4}?(?:收入合计|支出合计|收入总额|支出总额|总收入|总支出|年初预算|预算年初数|调整预算|预算执行|决算|资产合计|资产总额)/;

/** The text with 《document titles》 and task names blanked out: their years are names, not claims. */
function masked(text: string, report: Report): string {
  let out = text.replace(/《[^》]*》/g, (m) => " ".repeat(m.length));
  for (const t of report.tasks) {
    if (/\d{4}/.test(t.name)) out = out.split(t.name.trim()).join(" ".repeat(t.name.trim().length));
  }
  return out;
}

interface YearHit {
  year: number;
  start: number;
  end: number;
}

/** Years other than the report's that the text states as the report's own year. */
function foreignYears(text: string, report: Report): YearHit[] {
  const body = masked(text, report);
  return sentencesOf(body).flatMap(({ text: sentence, start }) => {
    if (COMPARISON.test(sentence) || REFERENCE.test(sentence)) return [];
    return [...sentence.matchAll(YEAR)].flatMap((m): YearHit[] => {
      const year = Number(m[1]);
      if (year === report.year) return [];
      const after = sentence.slice(m.index + m[0].length);
      const before = sentence.slice(Math.max(0, m.index - 8), m.index);
      const claim =
        year > report.year
          ? !FUTURE.test(sentence) && (EVALUATION_DIRECT.test(after) || SELF.test(before))
          : EVALUATION.test(after) || SELF.test(before) || ACCOUNTS.test(after);
      return claim ? [{ year, start: start + m.index, end: start + m.index + m[0].length }] : [];
    });
  });
}

/**
 * year.mismatch: a title or sentence that gives another year as the report's own — "2020年度…自评" in
 * a 2021 report, "本年度（2019年）", "2019年末资产合计数…" in a 2020 report. Conservative: years in
 * task names and 《document titles》, years in comparisons ("较2020年", "上年") and history
 * ("成立于2018年"), references to an earlier evaluation ("对2020年度绩效评价发现的问题进行整改"),
 * dates and plans of later years ("2022年3月", "2022年将…") are not flagged.
 */
export function checkYear(refs: readonly SectionRef[], report: Report): Finding[] {
  return refs.flatMap((ref) => {
    const inTitle = foreignYears(ref.title, report).map((h) => ({ ...h, source: ref.title }));
    const inText = foreignYears(ref.text, report).map((h) => ({ ...h, source: ref.text }));
    return [...inTitle, ...inText].map((h) =>
      sectionFinding(
        "year.mismatch",
        "warn",
        ref,
        quoteAround(h.source, h.start, h.end),
        `${sectionName(ref)}写的是${h.year}年，本报告是${report.year}年度的自评报告。请核对：沿用往年报告的文字或数据的，请改为${report.year}年的内容；确需引用${h.year}年数据的，请写明是用来对比的。`,
        { expected: report.year, actual: h.year },
      ),
    );
  });
}
