import { MEASURE_WORDS } from "../../numbers/index.ts";
import { PREFIX_COMPARATORS, SUFFIX_COMPARATORS } from "../../numbers/number-affixes.ts";

/**
 * The phrasings of a 评分标准 cell, as data: the words of each kind of clause, compiled into the
 * anchored patterns that criterion-clauses.ts tries one by one. A new phrasing found in a real table
 * is one more word here and a row in test/scoring/criterion/parse-criterion.test.ts.
 *
 * `{N}` stands for a number (Arabic, 百分之九十五, 三十), `{U}` for its unit (%, 个百分点, 件 …),
 * `{C}` for a condition on the row's value (≥95%, 90%-95%, 80%≤满意度<90%, 100%以下(含)).
 */

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeWord)
    .join("|");
}

const CN_DIGITS = "零〇一二两三四五六七八九十百千万点";
/**
 * A number: Arabic (a minus sign kept so that a negative step is seen), 百分之…, or Chinese numerals;
 * bounded lengths keep the patterns linear on long runs of digits or numerals (OCR noise).
 */
export const NUMBER = `(?:百分之[${CN_DIGITS}]{1,8}|-?\\d{1,12}(?:\\.\\d{1,6})?|[${CN_DIGITS}]{1,8})`;
/** Units after a number; 分 is left out (it is the points of an outcome, not a unit). */
export const UNIT = `(?:${alternation(["%", "个百分点", "百分点", "元", "万元", "亿元", ...MEASURE_WORDS.filter((w) => w !== "分")])})`;
const COMPARATOR = `(?:${alternation(PREFIX_COMPARATORS.map(([w]) => w))})`;
const SUFFIX = `(?:${alternation(SUFFIX_COMPARATORS.map(([w]) => w))})`;
export const INCLUSION = "(?:\\((?:含|不含)\\))";

/** One threshold: "≥95%", "达到90%以上", "100%以下(含)", "90%(含)以上". */
const SPAN = `(?:${COMPARATOR})?${NUMBER}(?:${UNIT})?${INCLUSION}?(?:${SUFFIX})?${INCLUSION}?`;
/** A range: "90%-95%", "0-10%(含)", "90%(含)至95%". */
const RANGE_END = `${NUMBER}(?:${UNIT})?${INCLUSION}?`;
export const RANGE = `${RANGE_END}(?:-|~|至)${RANGE_END}`;
/** A range cut at its dash: the two groups are its ends. */
export const RANGE_PARTS = `^(${RANGE_END})(?:-|~|至)(${RANGE_END})$`;
/** A value between two comparators: "80%≤满意度<90%". */
export const BETWEEN = `${NUMBER}(?:${UNIT})?(?:<=|≤|<)[^\\d<≤]{0,12}?(?:<=|≤|<)${NUMBER}(?:${UNIT})?`;
/** The parts of BETWEEN: low end, its sign, the high sign, high end. */
export const BETWEEN_PARTS = `^(${NUMBER}(?:${UNIT})?)(<=|≤|<)[^\\d<≤]{0,12}?(<=|≤|<)(${NUMBER}(?:${UNIT})?)$`;
/** Any condition on the row's value. */
export const CONDITION = `(?:${RANGE}|${BETWEEN}|${SPAN})`;

/** Words between a condition and its outcome: "100%的得20分", "达到时得满分". */
const LINK = "(?:的|时|者)?";
const GIVE = "(?:即|可)?(?:得分为|计分为|得|计|给|为|记)?";

/** What a clause earns, tried at its end in this order (扣2分 before 2分). Each pattern's one group is the number it states. */
export const OUTCOMES = {
  fullPoints: `${LINK}${GIVE}满分(${NUMBER})分`,
  full: `${LINK}${GIVE}(?:该项满分|本项满分|该项全分|全部分值|满分|全分)`,
  zero: `${LINK}(?:该项不得分|本项不得分|不得分|不计分|扣除全部分值|扣除该项分值|扣全分)`,
  deduct: `${LINK}(?:扣除|扣减|扣|减)(${NUMBER})分`,
  share: `${LINK}(?:得|计|给|按)(?:满分|分值|该项分值|本项分值|权重分|权重)?的?(${NUMBER})%(?:的分值|分值|计分|计算|给分|得分)?`,
  points: `${LINK}${GIVE}(${NUMBER})分`,
} as const;
export type OutcomeKind = keyof typeof OUTCOMES;

/** "每低于" (the row should be at least its threshold) and "每超过" (at most). */
export const STEP_DOWN_WORDS = ["低于", "低", "减少", "少于", "少", "降低", "下降", "不足", "未完成", "减"];
const STEP_UP_WORDS = [
  "超过",
  "超出",
  "超",
  "高于",
  "增加",
  "多于",
  "多",
  "上升",
  "增长",
  "提高",
  "延迟",
  "推迟",
  "延期",
  "超期",
  "逾期",
];

/** "每低1个百分点扣0.5分", "每减少30件扣1分", "低于95%的，每低一个百分点扣0.5分". */
export const STEP = `^(.*?)(${CONDITION})?(?:的|时)?每(${alternation([...STEP_DOWN_WORDS, ...STEP_UP_WORDS])})((?:${NUMBER})?(?:${UNIT})?)(?:扣除|扣减|扣|减)(${NUMBER})分$`;

/** A subject saying the percent is a completion rate: "计划建设内容完成", "项目完成率", "完成比例达到". */
export const COMPLETION_SUBJECT = /(?:完成率|完成比例|完成程度|完成进度|完成)(?:达到|达)?的?$/u;

/** "以100%为标准": the threshold the rest of the text refers to. */
export const STANDARD = `^以(${SPAN})为(?:标准|基准|满分标准)$`;

/** "100%:5分" (a condition, a colon, its points): read as "100%得5分". */
export const COLON_POINTS = `(${CONDITION})[:：](${NUMBER}分)`;
/** A condition at the start of a clause. */
export const CONDITION_START = `^(?:${CONDITION})`;

/** A clause that only states a condition ("在职人员控制率≤100%"): it belongs to the next clause. */
export const CONDITION_ONLY = `^(.*?)(${CONDITION})(?:的|时|者)?$`;

/** "扣完为止" and its kin: the floor is 0; "扣完20分为止" names the points that can be lost. */
export const FLOOR_ZERO = [
  /^(?:分值|该项分值|本项分值|分数|得分)?扣完为止$/,
  /^扣完(?:该项|本项)?(?:分值|分数)?为止$/,
  /^直至扣完$/,
  /^(?:最低|最低得|最低为)0分$/,
  /^扣至0分为止$/,
];
export const FLOOR_POINTS = new RegExp(`^扣(?:完|满)(${NUMBER})分为止$`);
export const FLOOR_LEAST = new RegExp(`^(?:最低|最低得|最低为|最少得)(${NUMBER})分$`);

/** How a part step counts: "不足1个百分点的按1个百分点计" (ceil), "不足部分按比例扣分" (prorate). */
export const PARTIAL_CEIL = new RegExp(
  `^不足(?:${NUMBER})?(?:${UNIT})?的?(?:部分)?按(?:${NUMBER})?(?:${UNIT})?(?:计算|计)$`,
);
export const PARTIAL_PRORATE = new RegExp(
  `^不足(?:${NUMBER})?(?:${UNIT})?的?(?:部分)?按比例(?:扣分|计算|扣减)$`,
);

/** "否则酌情扣分并说明理由", "不符合要求的视具体情况扣分": the officer's score with a written reason. */
export const JUDGEMENT = [
  /^.*?(?:酌情|视具体情况|视实际情况|视情况|视完成情况|根据实际情况|根据情况|根据完成情况)(?:扣分|扣减分值|扣减|打分|给分|评分|计分)(?:并?(?:须|需)?说明(?:理由|原因))?$/,
];

/** "按完成比例得分", "实际完成值/目标值×分值": 分值 × 实际值 ÷ 标准值. Compared without brackets. */
export const PROPORTIONAL = [
  /^(?:否则|未完成的?|未达到的?|未达标的?|其余|其他)?的?按(?:实际)?(?:完成)?(?:比例|比率|进度|程度|完成率|执行率)(?:计算|折算)?(?:得分|计分|给分|扣分)$/,
  /^(?:得分=)?(?:实际)?(?:完成值|完成数|实际值)[/÷](?:年度)?(?:目标值|计划值|指标值|目标数|计划数)[×*xX](?:分值|权重|该指标分值|指标分值|该项分值)$/,
  /^(?:得分=)?(?:完成率|实际完成率|执行率)[×*xX](?:分值|权重|该指标分值|指标分值|该项分值)$/,
];

/** "低于90%按比例扣分": proportional below the full-marks threshold (the condition is checked against it). */
export const PROPORTIONAL_BELOW = `^(.*?)(${CONDITION})(?:的|时)?(?:,)?按(?:实际)?(?:完成)?(?:比例|比率)(?:计算|折算)?(?:得分|计分|给分|扣分)$`;

/** Clauses that say nothing the rule needs: the cell's own label, "满分为止", a reason to be written. */
export const NOISE = [
  /^(?:评分标准|评价标准|评分办法|计分方法|评分规则|评分细则|评分方法|计分办法)$/,
  /^(?:得分)?(?:以)?满分为止$/,
  /^(?:最高|最多)(?:得|不超过)?满分$/,
  /^并?(?:须|需)?说明(?:理由|原因)$/,
  /^超额完成(?:的)?不(?:另)?加分$/,
];
