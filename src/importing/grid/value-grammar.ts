/**
 * The grammar of the values in a table row whose cells ran together with no separator
 * ("202010100.00%10", "10≥266米≥266米10"): where each kind of value can end, so a row can be split
 * by its heading's column order. Every way a value can be read is listed; the caller keeps a split
 * only when it is the one way the whole row can be read.
 */

/** What a column holds. */
export type ValueKind = "amount" | "rate" | "points" | "value" | "yesNo" | "unit" | "nature";

/** Units a measured value ends with, longest first where one is the start of another. */
export const VALUE_UNITS: readonly string[] = [
  "%",
  "万元",
  "亿元",
  "元",
  "万人次",
  "人次",
  "户次",
  "万人",
  "人",
  "次",
  "个",
  "场",
  "件",
  "亩",
  "万亩",
  "吨",
  "公里",
  "千米",
  "平方米",
  "立方米",
  "厘米",
  "毫米",
  "米",
  "篇",
  "份",
  "户",
  "种",
  "例",
  "天",
  "日",
  "小时",
  "分钟",
  "个月",
  "月",
  "年",
  "台",
  "套",
  "家",
  "所",
  "项",
  "期",
  "本",
  "册",
  "条",
  "座",
  "处",
  "辆",
  "盏",
  "棵",
  "株",
  "头",
  "只",
  "名",
  "批",
  "块",
  "间",
  "栋",
  "张",
  "部",
  "门",
  "课时",
  "学时",
  "人天",
  "GB",
  "G",
  "M",
  "TB",
];

/** Comparators written before a number. */
const COMPARATORS: readonly string[] = [
  "≥",
  "≤",
  ">=",
  "<=",
  ">",
  "<",
  "＞",
  "＜",
  "≧",
  "≦",
  "=",
  "大于等于",
  "小于等于",
  "不低于",
  "不少于",
  "不高于",
  "不超过",
  "大于",
  "小于",
  "达到",
  "达",
];

/** Words a qualitative target or actual value is written with. */
const QUALITATIVE_WORDS: readonly string[] = [
  "显著提升",
  "明显提升",
  "有效提升",
  "逐步提升",
  "显著提高",
  "明显提高",
  "有效提高",
  "显著改善",
  "明显改善",
  "有效改善",
  "持续改善",
  "显著",
  "明显",
  "提升",
  "提高",
  "改善",
  "有效",
  "好",
  "较好",
  "良好",
  "优",
  "优秀",
  "优良",
  "高",
  "较高",
  "合格",
  "达标",
  "完成",
  "已完成",
  "按时完成",
  "按期完成",
  "及时",
  "正常",
  "稳定",
  "规范",
  "健全",
  "完善",
  "满意",
  "基本满意",
  "符合",
  "符合要求",
  "达到预期",
  "是",
  "否",
  "无",
  "有",
];

const MAX_POINTS = 100;
const MAX_REPEATED_WORD = 8;
const HAN = /[\u3400-\u9fff]/u;

/** One way a value can be read at a position: where it ends and its text. */
export interface ValueRead {
  end: number;
  text: string;
}

/** Whether two words have the same characters in any order (OCR of a wrapped cell mixes them). */
function sameCharacters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join("") === [...b].sort().join("");
}

/** Whether a unit starts at `at`: a number directly followed by its unit is read with it. */
export function unitAt(text: string, at: number): boolean {
  return VALUE_UNITS.some((u) => text.startsWith(u, at));
}

/** The ends of every number starting at `at` ("0", "20", "100.00"; no leading zero but "0"). */
function numberEnds(text: string, at: number): number[] {
  const ends: number[] = [];
  if (!/\d/.test(text[at] ?? "")) return ends;
  let intEnd = at;
  while (/\d/.test(text[intEnd] ?? "")) intEnd += 1;
  const maxInt = text[at] === "0" ? at + 1 : intEnd;
  for (let end = at + 1; end <= maxInt; end += 1) {
    ends.push(end);
    if (end === intEnd && text[end] === ".") {
      let frac = end + 1;
      while (/\d/.test(text[frac] ?? "")) {
        frac += 1;
        ends.push(frac);
      }
    }
  }
  return ends;
}

function startsWithAny(text: string, at: number, words: readonly string[]): string[] {
  return words.filter((w) => text.startsWith(w, at));
}

/** Every way a value of `kind` can be read starting at `at`. */
export function readValues(text: string, at: number, kind: ValueKind): ValueRead[] {
  const reads: ValueRead[] = [];
  const add = (end: number) => reads.push({ end, text: text.slice(at, end) });
  switch (kind) {
    case "unit":
      for (const unit of startsWithAny(text, at, VALUE_UNITS)) add(at + unit.length);
      return reads;
    case "nature":
      for (const word of ["定量指标", "定性指标", "定量", "定性"]) {
        if (sameCharacters(text.slice(at, at + word.length), word)) add(at + word.length);
      }
      return reads;
    case "yesNo":
      for (const w of startsWithAny(text, at, ["是", "否"])) add(at + w.length);
      return reads;
    case "points":
      // Points are written 10 or 7.5, never 10.0: a trailing zero belongs to the next value.
      for (const end of numberEnds(text, at)) {
        const points = text.slice(at, end);
        if (Number(points) > MAX_POINTS || /\.\d*0$/.test(points) || unitAt(text, end)) continue;
        add(end);
        if (text[end] === "分") add(end + 1);
      }
      return reads;
    case "rate":
      for (const end of numberEnds(text, at)) if (text[end] === "%") add(end + 1);
      return reads;
    case "amount":
      for (const end of numberEnds(text, at)) {
        add(end);
        for (const unit of startsWithAny(text, end, ["万元", "亿元", "元", "万"])) add(end + unit.length);
      }
      return reads;
    case "value":
      return measuredValues(text, at);
  }
}

function measuredValues(text: string, at: number): ValueRead[] {
  const reads: ValueRead[] = [];
  const starts = [at, ...startsWithAny(text, at, COMPARATORS).map((c) => at + c.length)];
  for (const start of new Set(starts)) {
    for (const end of numberEnds(text, start)) {
      if (!unitAt(text, end)) reads.push({ end, text: text.slice(at, end) });
      for (const unit of startsWithAny(text, end, VALUE_UNITS)) {
        reads.push({ end: end + unit.length, text: text.slice(at, end + unit.length) });
      }
    }
  }
  for (const word of startsWithAny(text, at, QUALITATIVE_WORDS)) {
    reads.push({ end: at + word.length, text: word });
  }
  for (let length = 1; length <= MAX_REPEATED_WORD; length += 1) {
    const word = text.slice(at, at + length);
    if (word.length < length || !HAN.test(word) || /\d/.test(word)) break;
    if (text.startsWith(word, at + length) && !QUALITATIVE_WORDS.includes(word)) {
      reads.push({ end: at + length, text: word });
    }
  }
  const seen = new Set<string>();
  return reads.filter((r) => {
    const key = `${r.end}:${r.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
