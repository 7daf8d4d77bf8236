import { GRADE_WORDS } from "../checks/text-quantities.ts";
import type { Grade } from "../core/report.ts";
import type { FactSheet } from "./draft-types.ts";

/** A claim in a drafted text that the facts do not support, and why, in Chinese naming it. */
export interface UnsupportedClaim {
  /** The words of the claim as written: "满分", "得分100分", "等级为优", "排名第1", "提升两倍". */
  text: string;
  reason: string;
}

/** Clauses are judged one by one: a claim's subject is in its own clause. */
const CLAUSE = /[^，,。；;！!？?\n]+/gu;

/** Words that make a clause about the whole report's score rather than one block or indicator. */
const TOTAL_SUBJECT =
  /(总分|总得分|自评得分|自评分数|自评总分|综合得分|最终得分|整体得分|评价得分|自评结果|评价结果|本单位|本部门|我单位|我部门|该单位|该部门)/u;

/** 未达到满分, 没有取得满分, 不是满分, 距满分…: the absence of a full mark, which needs no fact. */
const NEGATED_FULL = /(未|没有|没|不|非|距离?|离|差)[^满]{0,6}满分/u;
/** 满分100分, 满分为10分, 满分[[…]], 满分值: the scale, not an achievement. */
const SCALE_FULL = /满分(值|为|是|[：:])?\s*(\d|\[\[|〔)/u;

/** 100分 as the scale: 满分100分, 总分值100分, 百分制, 按100分计. */
const SCALE_100 = /(满分|分值|总分值|总分为|总分是|百分制|按|以|共|合计)[为是：:]?\s*$/u;
const HUNDRED_POINTS = /(100|一百)(\.0+)?\s*分(?!之|值|制)/gu;

/** Grade words a model may use: the checker's, plus 合格 / 较差 / 不合格. */
const CLAIMED_GRADES: Readonly<Record<string, Grade>> = {
  ...GRADE_WORDS,
  合格: "中",
  较差: "差",
  不合格: "差",
};
/** 等级为“优”, 评价等级：良, 评定为优秀, 自评结果为良好 … */
const GRADE_CLAIM =
  /(等级|等次|评级|评定|评为|评价结果|自评结果|考核结果)(为|是|属于|达到|定为|[：:])?\s*[“"「『]?(优秀|良好|中等|不合格|合格|较差|(?:优|良|中|差)(?=[”"」』）)\s，,。；;、]|$|等|级))/gu;

/** 排名第1, 名列第一, 位居全省第3名, 排在前列 …: no fact of any report carries a ranking. */
const RANKING =
  /(排名|排行|名列|位列|位居|居于|排在|排位)[^，,。；;]{0,10}?(第\s*[\d一二三四五六七八九十百]+\s*(名|位)?|前\s*[\d一二三四五六七八九十]+\s*(名|位)?|前列|前茅|首位|榜首)|第\s*[\d一二三四五六七八九十]+\s*名/gu;

/** 两倍, 1.5倍, 翻番, 翻一番, 提升X倍 …: no fact of the sheet is a multiple. */
const MULTIPLE = /([\d.]+|[一二两三四五六七八九十百几数]+)\s*倍|翻(了)?([一两二三四]|几)?番/gu;

/** Whether some block or indicator of the sheet scored its full weight (a `.lost` fact of 0). */
function someFullMark(sheet: FactSheet): boolean {
  return sheet.facts.some(
    (f) =>
      (/^(block|indicator|budget)\b.*\.lost$/.test(f.key) && f.value === 0) ||
      (f.key === "indicators.full" && f.value > 0),
  );
}

function totalOf(sheet: FactSheet): number | undefined {
  return sheet.facts.find((f) => f.key === "score.total")?.value;
}

function fullMarkClaims(clause: string, sheet: FactSheet): UnsupportedClaim[] {
  if (!clause.includes("满分") || NEGATED_FULL.test(clause) || SCALE_FULL.test(clause)) return [];
  const total = totalOf(sheet);
  if (TOTAL_SUBJECT.test(clause)) {
    if (total === 100) return [];
    return [
      {
        text: "满分",
        reason: `“${clause.trim()}”称总得分为满分，但按评分规则总得分是${total ?? "未知"}分：总分只能写[[score.total]]`,
      },
    ];
  }
  if (someFullMark(sheet)) return [];
  return [
    {
      text: "满分",
      reason: `“${clause.trim()}”称取得满分，但事实表中没有任何一项得满分：得分只能用[[key]]引用`,
    },
  ];
}

function hundredClaims(clause: string, sheet: FactSheet): UnsupportedClaim[] {
  const out: UnsupportedClaim[] = [];
  for (const m of clause.matchAll(HUNDRED_POINTS)) {
    const before = clause.slice(Math.max(0, (m.index ?? 0) - 8), m.index);
    if (SCALE_100.test(before)) continue;
    // The report's own figures (score.reported, block.*.reported) do not count: the rules' do.
    if (sheet.facts.some((f) => f.unit === "分" && f.value === 100 && !/reported/i.test(f.key))) continue;
    out.push({
      text: m[0],
      reason: `“${clause.trim()}”写了${m[0]}，但按评分规则总得分是${totalOf(sheet) ?? "未知"}分，没有哪一项得100分：得分只能用[[key]]引用`,
    });
  }
  return out;
}

function gradeClaims(clause: string, grade: Grade | undefined): UnsupportedClaim[] {
  const out: UnsupportedClaim[] = [];
  for (const m of clause.matchAll(GRADE_CLAIM)) {
    const word = (m[3] ?? "").replace(/[等级]$/u, "");
    const said = CLAIMED_GRADES[word];
    if (said === undefined || said === grade) continue;
    out.push({
      text: m[0],
      reason:
        grade === undefined
          ? `“${m[0]}”写了评价等级，但事实表中没有等级：不要写等级`
          : `“${m[0]}”与按评分规则的等级“${grade}”不符：等级只能写“${grade}”`,
    });
  }
  return out;
}

function patternClaims(clause: string, pattern: RegExp, why: string): UnsupportedClaim[] {
  return [...clause.matchAll(pattern)].map((m) => ({ text: m[0], reason: `“${m[0]}”${why}` }));
}

/**
 * The claims of a drafted text that the sheet does not support, clause by clause: a full mark
 * (满分) for the whole report unless the rules' total is 100, or for anything when nothing scored
 * its full weight (未达到满分 and 满分100分 are not claims); a score of 100分 unless it is the scale
 * (满分100分, 总分值100分) or some fact is 100分; a grade (优/良/中/差, 优秀, 良好 …) other than the
 * rules' grade (`sheet.grade`); any ranking (排名第1, 位居前列); any multiple (两倍, 翻番, 提升3倍), since no fact
 * is a ranking or a ratio of two years.
 */
export function checkClaims(text: string, sheet: FactSheet): UnsupportedClaim[] {
  const grade = sheet.grade;
  const out: UnsupportedClaim[] = [];
  for (const [clause] of text.matchAll(CLAUSE)) {
    out.push(
      ...fullMarkClaims(clause, sheet),
      ...hundredClaims(clause, sheet),
      ...gradeClaims(clause, grade),
      ...patternClaims(clause, RANKING, "是排名，报告数据中没有任何排名：不要写排名"),
      ...patternClaims(clause, MULTIPLE, "是倍数，事实表中没有可以支持倍数的数据：请用[[key]]写出具体数字"),
    );
  }
  return out;
}
