/**
 * Count and measure words written after a number ("192场", "≥266米", "5000亩", "20M") and how two
 * of them relate: the same unit, convertible (厘米 and 米, 元 and 万元), two count words (次 and 场:
 * both counts, but not the same thing), or different kinds (米 and 人) that cannot be compared.
 */

/** A unit word: its family (what it measures) and its size in the family's base unit. */
export interface MeasureUnit {
  word: string;
  /** What the unit measures: "count", "length", "money"…; words of one family may be compared. */
  family: string;
  /** Size in the family's base unit (米 for length, 元 for money); null for count words, which do not convert. */
  factor: number | null;
}

/** Words for things counted one by one ("3项", "192场"): comparable as numbers, but not convertible. */
const COUNT_WORDS = [
  "个",
  "项",
  "人",
  "人次",
  "户",
  "户次",
  "家",
  "名",
  "件",
  "条",
  "次",
  "场",
  "场次",
  "篇",
  "份",
  "种",
  "例",
  "台",
  "套",
  "所",
  "座",
  "处",
  "批",
  "期",
  "本",
  "册",
  "张",
  "辆",
  "株",
  "棵",
  "头",
  "只",
  "部",
  "间",
  "位",
  "支",
  "块",
  "盏",
  "起",
  "宗",
  "类",
  "门",
  "节",
  "班",
  "组",
  "队",
  "栋",
  "幢",
  "笔",
  "课时",
  "学时",
  "册次",
  "车次",
  "架次",
  "个次",
];

/** Measures with their sizes; a family name doubles as the label used in messages. */
const MEASURES: ReadonlyArray<readonly [word: string, family: string, factor: number]> = [
  ["元", "金额", 1],
  ["万元", "金额", 1e4],
  ["亿元", "金额", 1e8],
  ["%", "百分比", 1],
  ["‰", "千分比", 1],
  ["个百分点", "百分点", 1],
  ["毫米", "长度", 0.001],
  ["mm", "长度", 0.001],
  ["厘米", "长度", 0.01],
  ["cm", "长度", 0.01],
  ["米", "长度", 1],
  ["m", "长度", 1],
  ["千米", "长度", 1000],
  ["公里", "长度", 1000],
  ["km", "长度", 1000],
  ["平方米", "面积", 1],
  ["㎡", "面积", 1],
  ["m²", "面积", 1],
  ["公顷", "面积", 1e4],
  ["平方公里", "面积", 1e6],
  ["平方千米", "面积", 1e6],
  ["km²", "面积", 1e6],
  ["亩", "亩", 1],
  ["立方米", "体积", 1],
  ["m³", "体积", 1],
  ["升", "体积", 0.001],
  ["克", "重量", 0.001],
  ["千克", "重量", 1],
  ["公斤", "重量", 1],
  ["kg", "重量", 1],
  ["吨", "重量", 1000],
  ["Kbps", "带宽", 0.001],
  ["M", "带宽", 1],
  ["兆", "带宽", 1],
  ["Mbps", "带宽", 1],
  ["千兆", "带宽", 1000],
  ["Gbps", "带宽", 1000],
  ["KB", "存储容量", 1 / 1024],
  ["MB", "存储容量", 1],
  ["GB", "存储容量", 1024],
  ["TB", "存储容量", 1024 * 1024],
  ["千瓦", "功率", 1],
  ["kW", "功率", 1],
  ["千瓦时", "电量", 1],
  ["kWh", "电量", 1],
  ["分钟", "时长", 1],
  ["小时", "时长", 60],
  ["天", "时长", 1440],
  ["个工作日", "工作日", 1],
  ["工作日", "工作日", 1],
  ["个月", "月数", 1],
  ["年", "年", 1],
  ["分", "分数", 1],
];

const UNITS: ReadonlyMap<string, MeasureUnit> = new Map([
  ...COUNT_WORDS.map((word): [string, MeasureUnit] => [word, { word, family: "count", factor: null }]),
  ...MEASURES.map(([word, family, factor]): [string, MeasureUnit] => [word, { word, family, factor }]),
]);

/**
 * Count and measure words a number may end with, longest first so "平方米" wins over "米" and
 * "个百分点" over "分". Money units and % are read by the parser itself and are not in this list.
 */
export const MEASURE_WORDS: readonly string[] = [...UNITS.keys()]
  .filter((w) => !["元", "万元", "亿元", "%"].includes(w))
  .sort((a, b) => b.length - a.length);

/** The unit a word names ("米", "场", "万元", "%"), or undefined for a word that is not a unit. */
export function measureOf(word: string): MeasureUnit | undefined {
  return UNITS.get(word.trim());
}

/** True for a word that counts things one by one (个, 次, 场, 人…). */
export function isCountWord(word: string): boolean {
  return measureOf(word)?.family === "count";
}

/**
 * How a value written in unit `from` relates to a target in unit `to`:
 * - `same`: identical or convertible; multiply by `factor` to express it in `to` (50厘米 → 0.5米);
 * - `counts`: two different count words (12场 against 26次), compared as numbers but worth a look;
 * - `different`: different kinds (米 and 人, % and 万元) or a word that is not a known unit.
 * An empty unit on either side is `same` with factor 1: the number is compared as written.
 */
export type UnitRelation = { kind: "same"; factor: number } | { kind: "counts" } | { kind: "different" };

/** Relates two units (see `UnitRelation`). */
export function relateUnits(from: string, to: string): UnitRelation {
  const a = from.trim();
  const b = to.trim();
  if (a === "" || b === "" || a === b) return { kind: "same", factor: 1 };
  const ua = measureOf(a);
  const ub = measureOf(b);
  if (ua === undefined || ub === undefined || ua.family !== ub.family) return { kind: "different" };
  if (ua.factor === null || ub.factor === null) return { kind: "counts" };
  return { kind: "same", factor: ua.factor / ub.factor };
}
