import { parseNumber } from "../numbers/index.ts";
import type { FactUnit } from "./draft-types.ts";
import {
  CITATION_CLOSE,
  CITATION_OPEN,
  DATE_WORDS,
  HAN_NUMERAL_CHARS,
  MENTION_UNITS,
  NOT_FIGURE_BEFORE_HAN,
  NOT_MONEY_AFTER,
  NOT_POINTS_AFTER,
  ORDINAL_AFTER,
  SET_PHRASES,
} from "./mention-words.ts";

/** A mention's unit: a fact unit, or another counter as written ("台", "次", "户"). */
export type MentionUnit = FactUnit | (string & {});

/** One figure written in a text: where it is, its value in `unit`, and the decimals it was written with. */
export interface NumberMention {
  /** The figure as written, unit included: "545.06万元", "百分之九十七", "3个百分点". */
  text: string;
  start: number;
  end: number;
  /** In `unit`: 545.06 for "545.06万元", 97 for "百分之九十七", 15000 for "1.5亿元" (万元). */
  value: number;
  /** 万元, 元, %, 分, 个百分点, 年, a counter, or "" for a bare number. */
  unit: MentionUnit;
  /** Precision as written, in `unit` (2 for "97.09%", 0 for "6,272,512元"). */
  decimals: number;
}

type Scan = { mention?: NumberMention; next: number };

const SPACE = /[ \t\u3000\u00a0]/;
const ARABIC = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/y;
const DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/y;
const TENTHS = /([一二三四五六七八九十])成([一二三四五六七八九])?/y;
const RANGE_GAP = /^\s*(?:[（(]含[）)])?\s*[-~～—－至到]\s*$/u;
const MONTH_RANGE = /^\s*[-~～—－至到]\s*\d{1,2}\s*月/u;
/** Round-the-clock service, "7×24小时": a name for the service level, not two figures. */
const ROUND_THE_CLOCK = /\d+\s*[*×xX＊]\s*\d+\s*小时/y;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isHanNumeral = (ch: string | undefined): boolean => ch !== undefined && HAN_NUMERAL_CHARS.includes(ch);
const isHan = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);

/** Full-width digits and marks to ASCII, one UTF-16 unit for one, so offsets stay those of the input. */
function normalize(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) =>
    ch === "．" ? "." : ch === "％" ? "%" : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

function skipSpaces(s: string, at: number): number {
  let k = at;
  while (k < s.length && SPACE.test(s[k] ?? "")) k++;
  return k;
}

/**
 * The unit starting at `at`, unless the word there is not a unit: 分之 / 分钟 after any number;
 * after a Chinese numeral (`han`) also 分析, 分为 (一分为二), 一元化 and the like.
 */
function unitAt(s: string, at: number, han: boolean): { unit: string; end: number } | undefined {
  const entry = MENTION_UNITS.find(([word]) => s.startsWith(word, at));
  if (entry === undefined) return undefined;
  const [word, unit] = entry;
  const after = s[at + word.length] ?? "";
  if (unit === "分" && after !== "" && (han ? NOT_POINTS_AFTER : "之钟").includes(after)) return undefined;
  if (han && unit === "元" && after !== "" && NOT_MONEY_AFTER.includes(after)) return undefined;
  if (ORDINAL_AFTER[unit]?.some((w) => s.startsWith(w, at + word.length))) return undefined;
  return { unit, end: at + word.length };
}

/** An optional 余/多 then a unit, from `at`. */
function approxUnitAt(s: string, at: number, han: boolean): { unit: string; end: number } | undefined {
  const direct = unitAt(s, at, han);
  if (direct !== undefined) return direct;
  return s[at] === "余" || s[at] === "多" ? unitAt(s, at + 1, han) : undefined;
}

function decimalsOf(digits: string): number {
  return digits.split(".")[1]?.length ?? 0;
}

function build(
  original: string,
  start: number,
  end: number,
  raw: { value: number; decimals: number; unit: string },
): NumberMention {
  const text = original.slice(start, end);
  if (raw.unit === "亿元") {
    return {
      text,
      start,
      end,
      value: round(raw.value * 1e4),
      unit: "万元",
      decimals: Math.max(0, raw.decimals - 4),
    };
  }
  return { text, start, end, value: raw.value, unit: raw.unit, decimals: raw.decimals };
}

function round(value: number): number {
  return Number(value.toPrecision(15));
}

/** Whether position `at` starts its line, apart from spaces and list bullets. */
function atLineStart(s: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const ch = s[k] ?? "";
    if (ch === "\n" || ch === "\r") return true;
    if (!/[ \t\u3000#*>-]/.test(ch)) return false;
  }
  return true;
}

/** An Arabic number at `i`: a date, a citation, a list marker or a figure with its unit. */
function scanArabic(original: string, s: string, i: number): Scan {
  DATE.lastIndex = i;
  const date = DATE.exec(s);
  if (date !== null) {
    const year = Number(date[1]);
    const next = i + date[0].length;
    if (year < 1900 || year > 2100) return { next };
    return { mention: build(original, i, i + 4, { value: year, decimals: 0, unit: "年" }), next };
  }
  ROUND_THE_CLOCK.lastIndex = i;
  if (ROUND_THE_CLOCK.exec(s) !== null) return { next: ROUND_THE_CLOCK.lastIndex };
  ARABIC.lastIndex = i;
  const m = ARABIC.exec(s);
  if (m === null) return { next: i + 1 };
  const digits = m[0];
  const j = i + digits.length;
  const before = s[i - 1];
  const after = s[j];
  const skip = { next: j };
  if (/[A-Za-z_.]/.test(before ?? "") || /[A-Za-z]/.test(after ?? "")) return skip;
  if (before === "第" || before === "之") return skip;
  if (s.startsWith("分之", j)) return { next: j + 2 };
  if (
    before !== undefined &&
    CITATION_OPEN.includes(before) &&
    after !== undefined &&
    CITATION_CLOSE.includes(after)
  ) {
    return skip;
  }
  const value = Number(digits.replaceAll(",", ""));
  const decimals = decimalsOf(digits);
  const k = skipSpaces(s, j);
  const unit = approxUnitAt(s, k, false);
  if (unit !== undefined) {
    return { mention: build(original, i, unit.end, { value, decimals, unit: unit.unit }), next: unit.end };
  }
  // "41万余条", "90余万条", "20.8万": 万/亿 multiply the number; 余/多 may stand before or after them.
  const at = s[k] === "余" || s[k] === "多" ? k + 1 : k;
  const magnitude = s[at] === "万" ? 1e4 : s[at] === "亿" ? 1e8 : undefined;
  if (magnitude !== undefined) {
    const scaled = {
      value: round(value * magnitude),
      decimals: Math.max(0, decimals - Math.log10(magnitude)),
    };
    const counted = approxUnitAt(s, at + 1, false);
    const end = counted?.end ?? (s[at + 1] === "余" || s[at + 1] === "多" ? at + 2 : at + 1);
    return { mention: build(original, i, end, { ...scaled, unit: counted?.unit ?? "" }), next: end };
  }
  if (DATE_WORDS.some((w) => s.startsWith(w, k)) || MONTH_RANGE.test(s.slice(j, j + 8))) return skip;
  if (after === "、" || after === "." || after === ")" || after === "）") return skip;
  if ((after === ":" || after === "：") && isDigit(s[j + 1])) return { next: j + 3 }; // 8:30
  if (before === "+" || after === "+" || after === "＋") return skip; // "1+2+4" 的整体规划
  if ((before === "(" || before === "（") && (after === ")" || after === "）")) return skip;
  if (atLineStart(s, i) && (SPACE.test(after ?? "") || isHan(after))) return skip; // "4.1 资金情况"
  return { mention: build(original, i, j, { value, decimals, unit: "" }), next: j };
}

/** "百分之九十七", "百分之97.5", "百分之百", "百分百" at `i`. */
function scanPercentWords(original: string, s: string, i: number): Scan | undefined {
  if (s.startsWith("百分百", i)) {
    return { mention: build(original, i, i + 3, { value: 100, decimals: 0, unit: "%" }), next: i + 3 };
  }
  if (!s.startsWith("百分之", i)) return undefined;
  const from = i + 3;
  let end = from;
  if (isDigit(s[from])) {
    ARABIC.lastIndex = from;
    end = from + (ARABIC.exec(s)?.[0].length ?? 0);
  } else {
    while (isHanNumeral(s[end])) end++;
  }
  for (let e = end; e > from; e--) {
    const parsed = parseNumber(s.slice(i, e));
    if (parsed.ok && parsed.value.unit === "%") {
      const { value, decimals } = parsed.value;
      return { mention: build(original, i, e, { value, decimals, unit: "%" }), next: e };
    }
  }
  return { next: from };
}

/** "九成五", "九成" at `i` (not "一成不变"). */
function scanTenths(original: string, s: string, i: number): Scan | undefined {
  TENTHS.lastIndex = i;
  const m = TENTHS.exec(s);
  if (m === null) return undefined;
  const end = i + m[0].length;
  const follow = s[end];
  if (isHan(follow) && !"以左多的".includes(follow ?? "")) return undefined;
  const parsed = parseNumber(m[0]);
  if (!parsed.ok) return undefined;
  return {
    mention: build(original, i, end, { value: parsed.value.value, decimals: 0, unit: "%" }),
    next: end,
  };
}

/** A run of Chinese numerals at `i`: a figure only with a unit after it ("两项", "五百四十五万元"). */
function scanHan(original: string, s: string, i: number): Scan {
  let runEnd = i;
  while (isHanNumeral(s[runEnd])) runEnd++;
  const skip = { next: runEnd };
  const before = s[i - 1];
  if (before !== undefined && NOT_FIGURE_BEFORE_HAN.includes(before)) return skip;
  const phrase = SET_PHRASES.find((p) => s.startsWith(p, i));
  if (phrase !== undefined) return { next: i + phrase.length };
  const tenths = scanTenths(original, s, i);
  if (tenths !== undefined) return tenths;
  for (let e = runEnd; e > i; e--) {
    let numeral = s.slice(i, e);
    let unit: { unit: string; end: number } | undefined;
    const last = numeral.at(-1) ?? "";
    if ((last === "万" || last === "亿") && s[e] === "元" && e - i > 1) {
      unit = { unit: `${last}元`, end: e + 1 };
      numeral = numeral.slice(0, -1);
    } else {
      if (s[e] === "分" && (last === "百" || numeral === "十")) continue; // 百分之, 百分点, 十分（副词）
      unit = approxUnitAt(s, e, true);
    }
    if (unit === undefined) continue;
    const parsed = parseNumber(numeral);
    if (!parsed.ok || parsed.value.unit !== null) continue;
    const { value, decimals } = parsed.value;
    return { mention: build(original, i, unit.end, { value, decimals, unit: unit.unit }), next: unit.end };
  }
  return skip;
}

/** Gives a bare number the unit of the range it opens: "90（含）-100分" → 90分. */
function spreadRangeUnits(s: string, mentions: NumberMention[]): NumberMention[] {
  return mentions.map((m, idx) => {
    const next = mentions[idx + 1];
    if (m.unit !== "" || next === undefined || next.unit === "" || next.unit === "年") return m;
    return RANGE_GAP.test(s.slice(m.end, next.start)) ? { ...m, unit: next.unit } : m;
  });
}

/**
 * Every figure written in a Chinese text, with its value, unit and precision: Arabic numbers
 * ("6,272,512.00元", "545.06万元", "97.09％", "2021 年", "41万余条"), full-width digits, and Chinese
 * numerals with a unit ("百分之九十七" → 97 %, "九成五" → 95 %, "五百四十五万元", "三个百分点", "两项").
 *
 * Not figures, and so left out: list markers and ordinals ("一、", "（二）", "1.", "2、", "第一", "一是",
 * "其一"), words holding a numeral ("三公经费", "一般", "统一", "一体化", "十四五", "一级指标", "万一",
 * "进一步", "之一", set phrases like "四个意识"), citation numbers ("财预〔2020〕10号"), months and days
 * of dates ("2021年12月31日" gives only the year), times, and numbers glued to Latin letters ("5G").
 * Offsets are those of the input; 亿元 is reported in 万元, 百分点 as 个百分点.
 */
export function findNumberMentions(text: string): NumberMention[] {
  const s = normalize(text);
  const found: NumberMention[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    let scan: Scan | undefined;
    if (ch === "百") scan = scanPercentWords(text, s, i);
    if (scan === undefined && isDigit(ch) && !isDigit(s[i - 1])) scan = scanArabic(text, s, i);
    if (scan === undefined && isHanNumeral(ch) && !isHanNumeral(s[i - 1])) scan = scanHan(text, s, i);
    if (scan === undefined) {
      i++;
      continue;
    }
    if (scan.mention !== undefined) found.push(scan.mention);
    i = Math.max(scan.next, i + 1);
  }
  return spreadRangeUnits(s, found);
}
