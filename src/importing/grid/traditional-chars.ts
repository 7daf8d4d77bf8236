/**
 * Headings and row labels written in traditional characters, as converter sites give a page
 * (績效指標, 年初預算數), some with the pinyin of a character in brackets after it (項(xiàng)目). Only
 * keys for matching labels are converted; what the report says is kept as written. The table lists
 * the characters of the templates' headings and labels that differ in traditional writing.
 */

const PAIRS =
  "級级標标質质單单實实際际預预數数執执資资總总額额當当財财撥拨進进項项萬万結结轉转體体績绩" +
  "響响經经濟济態态續续滿满務务對对時时調调價价評评說说應应報报稱称門门關关構构劃划礎础" +
  "與与論论據据範范劑剂計计維维護护費费況况權权綜综覽览獎奖勵励農农產产備备" +
  "會会決决過过環环區区為为種种開开發发設设衛卫廣广東东業业專专員员處处辦办";

const SIMPLE: ReadonlyMap<string, string> = new Map(
  Array.from({ length: PAIRS.length / 2 }, (_, i) => [PAIRS[2 * i] ?? "", PAIRS[2 * i + 1] ?? ""]),
);

/** Pinyin with a tone mark in brackets after a character: "(xiàng)", "(shù)". */
const PINYIN = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/gu;

/** The traditional characters of the table, as the body of a character class. */
export const TRADITIONAL_CHARS = [...SIMPLE.keys()].join("");
const TRADITIONAL = new RegExp(`[${TRADITIONAL_CHARS}]`);
const TRADITIONAL_ALL = new RegExp(TRADITIONAL.source, "g");

/** The text with bracketed pinyin dropped and traditional characters of the table made simplified. */
export function simplifiedKey(text: string): string {
  const plain = text.includes("(") ? text.replace(PINYIN, "") : text;
  return TRADITIONAL.test(plain) ? plain.replace(TRADITIONAL_ALL, (ch) => SIMPLE.get(ch) ?? ch) : plain;
}

/**
 * A 一级/二级 level name as the scoring schemes name it: "產(chǎn)出指標(biāo)" is 产出指标. Level names are
 * the templates' words, not the report's content, so only they are converted; other text is kept.
 */
export function levelName(name: string): string {
  const simple = simplifiedKey(name);
  return simple !== name && /指标$/.test(simple) ? simple : name;
}
