import { levelPath } from "../core/indicators.ts";
import type { Report } from "../core/report.ts";
import { MEASURE_WORDS, readValue } from "../numbers/index.ts";
import { type SectionRef, sentencesOf, tight } from "./section-text.ts";

/**
 * Quantities a report states, each with the thing it counts: "保障视频会议162场" in the narrative
 * (thing 视频会议保障 → key, 162, 场), or the 实际完成值 "192场" of the row "视频会议保障场次". Figures
 * that are not a plain statement of this year's result are left out: targets and plans (计划、目标、
 * ≥、以上), changes (增长、同比), other years, approximations (约、左右、余), parts (其中、每、人均) and
 * the budget totals, score and grade, which `check-values.ts` compares.
 */

/** One quantity: the thing counted (its key), the value in a comparable unit, and its precision. */
export interface Quantity {
  /** The thing counted, fillers removed: "保障视频会议" → "视频会议". */
  key: string;
  /** "%", "万元" (money, normalised), or the count / measure word ("场", "件", "米"). */
  unit: string;
  value: number;
  decimals: number;
  /** The figure as written: "162场", "96.75%", "113.79万元". */
  written: string;
}

/** A quantity stated in a narrative section. */
export interface TextQuantity extends Quantity {
  ref: SectionRef;
  /** The clause that states it, for the quote. */
  clause: string;
  /** Which sentence of the section (to leave two figures of one sentence uncompared). */
  sentence: number;
}

/** A quantity in the indicator table: a row's 实际完成值. */
export interface RowQuantity extends Quantity {
  path: string;
  /** "产出指标 / 数量指标 / 视频会议保障场次". */
  label: string;
  /** The row's target value in the same unit, when it has one: a text figure equal to it is the plan. */
  target: number | undefined;
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const UNIT_WORDS = [
  "万元",
  "亿元",
  "元",
  "%",
  ...MEASURE_WORDS.filter((w) => /\p{Script=Han}/u.test(w) && !["年", "分", "个百分点"].includes(w)),
];
const UNIT = `(?:${UNIT_WORDS.join("|")})`;
const FIGURE = new RegExp(`(${NUM})(${UNIT})`, "gu");

/** Words that make the figure a plan, target or bound, not a result. */
const PLAN =
  /计划|目标|预计|预期|拟|力争|争取|要求|设定|申报|指标值|标准|不少于|不低于|不高于|不超过|低于|高于|大于|小于|以内|控制在|确保|应达|须达|需达/u;
/** Words that make the figure a change or a comparison, not a level. */
const CHANGE =
  /增长|增加|减少|下降|提高|提升|降低|上升|增幅|降幅|同比|环比|较上年|比上年|较去年|比去年|新增|超出|超过|节约|结余|结转|节余|差额|缺口/u;
/** Words that make the figure a part, a rate per head or an other period. */
const PART =
  /上半年|下半年|季度|\d{1,2}月|截至|截止|目前|其中|每|人均|户均|平均|月均|日均|场均|单个|最高|最低|最多|最少|上年|去年|上一年|以前年度|历年|往年|历史|第|占|比例|比重|约|近|将近|逾/u;
/** A bound or an approximation written after the figure. */
const AFTER = /^(?:以上|以下|以内|之内|内|左右|上下|余|多|许|及以上|及以下|的|倍)/u;
/** The budget totals, score, grade and execution rate: compared by `check-values.ts`. */
const BUDGET_WORDS =
  /预算|执行|决算|得分|总分|分值|自评|评分|资金|经费|拨付|到位|下达|支出|收入|资产|投资|成本|金额|费用/u;
const YEAR = /(\d{4})年/gu;
const LEADING_UNIT = new RegExp(`^${UNIT}`, "u");
/** Text up to a list's 等 or a conjunction belongs to the previous item ("城管局等13个单位", "展区以及174台"). */
const LIST_BEFORE = /^.*(?:等|以及|及|和|与)$/u;

/** Words before the thing counted: "全年共保障视频会议" → "保障视频会议" → "视频会议". */
const LEADING =
  /^(?:我单位|我部门|我中心|我局|我办|本单位|本部门|实际完成|实际|全年|本年度|本年|年度|今年|当年|共计|合计|总计|累计|共|完成|实现|开展|组织|召开|举办|保障|提供|达到|达|为|是|有|计|了|已|的|年|月|日)/u;
/** Words after it: "视频会议保障场次" → "视频会议保障". */
const TRAILING = /(?:达到|达|为|是|共计|共|计|总数|总量|数量|次数|场次|件数|个数|人数|户数|数|量|的)$/u;

/** The thing counted: Han characters only, without the fillers before and after it. */
export function thingKey(phrase: string): string {
  let key = phrase.replace(/[^\p{Script=Han}]/gu, "");
  for (let before = ""; before !== key; ) {
    before = key;
    key = key.replace(LEADING, "").replace(TRAILING, "");
  }
  // 满意率 and 满意度 name the same survey result.
  return key.replace(/满意率$/u, "满意度");
}

function decimalsOf(figure: string): number {
  return figure.split(".")[1]?.length ?? 0;
}

/** Value and unit in a comparable form: money in 万元 (precision shifted), 场次 read as 场. */
function normalise(figure: string, unit: string): { value: number; unit: string; decimals: number } {
  const value = Number(figure.replace(/,/g, ""));
  const decimals = decimalsOf(figure);
  if (unit === "元") return { value: value / 10000, unit: "万元", decimals: decimals + 4 };
  if (unit === "亿元") return { value: value * 10000, unit: "万元", decimals: Math.max(0, decimals - 4) };
  return { value, unit: unit === "场次" ? "场" : unit, decimals };
}

/** Whether a sentence speaks of a year other than the report's. */
function otherYear(sentence: string, year: number): boolean {
  return [...sentence.matchAll(YEAR)].some((m) => Number(m[1]) !== year);
}

/**
 * The plain statements of a quantity in the narrative (see the module note for what is left out).
 * A figure whose clause names no thing (a bare "162场") is left out too.
 */
export function textQuantities(refs: readonly SectionRef[], report: Report): TextQuantity[] {
  return refs.flatMap((ref) =>
    sentencesOf(ref.text).flatMap(({ text }, sentence): TextQuantity[] => {
      const t = tight(text);
      if (otherYear(t, report.year)) return [];
      return [...t.matchAll(FIGURE)].flatMap((m): TextQuantity[] => {
        const figure = m[1] ?? "";
        const unit = m[2] ?? "";
        const before = t.slice(0, m.index);
        const start =
          Math.max(
            ...["，", ",", "。", "；", ";", "：", ":", "、", "(", ")", "“", "”"].map((p) =>
              before.lastIndexOf(p),
            ),
          ) + 1;
        // After another figure in the clause ("33个行政村26113户"), the thing starts after that figure's unit.
        const clauseText = before.slice(start);
        const lastDigit = clauseText.search(/\d[^\d]*$/u);
        const phrase = (
          lastDigit < 0 ? clauseText : clauseText.slice(lastDigit + 1).replace(LEADING_UNIT, "")
        ).replace(LIST_BEFORE, "");
        const after = t.slice(m.index + m[0].length);
        const digitBefore = /[\d.]$/u.test(before);
        if (digitBefore || AFTER.test(after) || /[≥≤<>=＞＜]$/u.test(clauseText)) return [];
        if ([PLAN, CHANGE, PART, BUDGET_WORDS].some((re) => re.test(clauseText))) return [];
        if (
          /其中|计划|目标|预计|预期|力争|设定|申报|指标值|上半年|下半年|季度|\d{1,2}月|截至|截止/u.test(
            before,
          )
        )
          return [];
        if (unit.endsWith("元") && /预算/u.test(before)) return [];
        const key = thingKey(`${phrase}${thingKey(phrase).length < 3 ? nounAfter(after, unit) : ""}`);
        if ([...key].length < 3) return [];
        const clauseEnd = after.search(/[，,。；;]/u);
        const clause = `${phrase}${m[0]}${clauseEnd < 0 ? after : after.slice(0, clauseEnd)}`;
        return [{ key, ...normalise(figure, unit), written: m[0], ref, clause, sentence }];
      });
    }),
  );
}

/** The thing counted when it follows the count ("保障162场视频会议" → "视频会议"): Han characters up to a particle. */
function nounAfter(after: string, unit: string): string {
  if (unit === "%" || unit.endsWith("元")) return "";
  return after.match(/^[\p{Script=Han}]{2,6}?(?=以及|[的和及与等、，,。；;：:（(]|$)/u)?.[0] ?? "";
}

/** The key of a row's name: "外网信件办理数量" → "外网信件办理". */
function rowKey(name: string): string {
  return thingKey(name);
}

/**
 * The 实际完成值 of each indicator row that is one plain number (no comparator, not approximate),
 * with its unit from the value, the 度量单位 column or the target.
 */
export function rowQuantities(report: Report): RowQuantity[] {
  const out: RowQuantity[] = [];
  report.indicators.forEach((block, bi) => {
    block.groups.forEach((group, gi) => {
      group.indicators.forEach((row, ri) => {
        if (row.actual === undefined) return;
        const read = readValue(row.actual);
        if (read.kind !== "number") return;
        const n = read.number;
        if ((n.comparator !== null && n.comparator !== "=") || n.approximate) return;
        const target = row.target;
        const targetUnit = typeof target === "object" && target.kind === "quantitative" ? target.unit : "";
        const column = (row.unit ?? "").trim().replace("％", "%");
        const unit = n.unit ?? n.counter ?? (targetUnit || (UNIT_WORDS.includes(column) ? column : ""));
        const key = rowKey(row.name);
        if (unit === "" || [...key].length < 2) return;
        const figure = String(n.value);
        const value = normalise(figure, unit);
        const targetValue =
          typeof target === "object" &&
          target.kind === "quantitative" &&
          (target.unit === "" || target.unit === unit)
            ? normalise(String(target.value), unit).value
            : undefined;
        out.push({
          key,
          ...value,
          decimals: n.decimals + (value.unit === "万元" && unit === "元" ? 4 : 0),
          written: row.actual.trim(),
          path: `indicators[${bi}].groups[${gi}].indicators[${ri}].actual`,
          label: levelPath(block.name, group.name, row.name),
          target: targetValue,
        });
      });
    });
  });
  return out;
}
