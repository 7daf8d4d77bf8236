/**
 * Word lists the number-mention scanner reads a figure's surroundings with: the units a figure may
 * carry, the words that make a numeral part of a name or an ordinal, and the characters that close
 * a date, a time or a document number. Data, kept apart from the scanner so it can grow.
 */

/**
 * Units after a number, longest first, with the unit the mention reports. 亿元 is converted to 万元
 * by the scanner; 百分点 is 个百分点. Counters name what is counted (台, 次, 户…).
 */
export const MENTION_UNITS: ReadonlyArray<readonly [string, string]> = [
  ["个百分点", "个百分点"],
  ["百分点", "个百分点"],
  ["万元", "万元"],
  ["亿元", "亿元"],
  ["元", "元"],
  ["%", "%"],
  ["人次", "人次"],
  ["小时", "小时"],
  ["周年", "周年"],
  ["批次", "批次"],
  ["分钟", "分钟"],
  ["分", "分"],
  ["年", "年"],
  ["个", "个"],
  ["项", "项"],
  ["人", "人"],
  ["台", "台"],
  ["次", "次"],
  ["户", "户"],
  ["件", "件"],
  ["条", "条"],
  ["家", "家"],
  ["名", "名"],
  ["天", "天"],
  ["套", "套"],
  ["倍", "倍"],
  ["篇", "篇"],
  ["场", "场"],
  ["份", "份"],
  ["座", "座"],
  ["辆", "辆"],
  ["张", "张"],
  ["枚", "枚"],
  ["种", "种"],
  ["类", "类"],
  ["笔", "笔"],
  ["轮", "轮"],
  ["档", "档"],
];

/** Characters after 分 that make it a word, not points: 三分之一, 十分钟, 分析, 分类, 分配 … */
export const NOT_POINTS_AFTER = "之钟为析类配布工别享解级层批期管局散化段支行会队组拆担摊清辨红";

/** Words after a counter that make the number an ordinal: 十次党代会 (the tenth congress), 五中全会. */
export const ORDINAL_AFTER: Readonly<Record<string, readonly string[]>> = {
  次: ["党代会", "全会", "代表大会", "全体会议"],
};

/** Characters after 元 that make it a word, not money: 一元化, 二元论, 多元素. */
export const NOT_MONEY_AFTER = "化论素";

/** Characters before a Chinese numeral that make it an ordinal or part of a word: 第一, 其一, 之一, 唯一, 统一, 周一, 初一, 星期一, 礼拜一. */
export const NOT_FIGURE_BEFORE_HAN = "第其之唯统周初期拜";

/** Set phrases of political writing whose numerals are names, not figures: “两个维护”“四个意识”. */
export const SET_PHRASES: readonly string[] = [
  "两个维护",
  "两个确立",
  "四个意识",
  "四个自信",
  "四个全面",
  "三个代表",
  "两个一百年",
  "三个务必",
  "两个务必",
  "五位一体",
  "三会一课",
  "两学一做",
];

/** Words right after a bare Arabic number that make it a date, a time or a citation: 12月, 31日, 10号, 8时, 8点, 1季度. */
export const DATE_WORDS: readonly string[] = ["季度", "月", "日", "号", "时", "点", "周"];

/** Brackets around a citation year: 〔2020〕, [2020], 【2020】, ［2020］, ﹝2020﹞. */
export const CITATION_OPEN = "〔[【［﹝";
export const CITATION_CLOSE = "〕]】］﹞";

/** Chinese numeral characters (ordinary, financial capitals and traditional forms, 点 for decimals). */
export const HAN_NUMERAL_CHARS =
  "零〇○一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億点點";
