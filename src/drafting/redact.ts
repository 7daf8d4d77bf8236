/** What a personal name is replaced with. */
const NAME_MASK = "〔姓名〕";
/** What a phone number is replaced with. */
const PHONE_MASK = "〔电话〕";

const LABELS = "填报人|填表人|联系人|负责人|经办人|审核人";
/**
 * A name after a label: "填报人：刘媛媛", "联系人 张三", "填表人及联系方式：刘媛媛 63526383". The label
 * must be followed by a colon or a space (so "负责人按要求提供" is no name) and the name, 2–4 Han
 * characters, must end where the Han text ends.
 */
const LABELLED_NAME = new RegExp(
  `(?:${LABELS})(?:及联系方式|及联系电话|及电话|（签字）|\\(签字\\)|签字)?(?:\\s*[：:]\\s*|[ \\t\\u3000]+)(\\p{Script=Han}{2,4})(?!\\p{Script=Han})`,
  "gu",
);
/** Words that fill a name field without being a name. */
const NOT_NAMES = new Set(["暂无", "待定", "同上", "本人", "见上", "不详", "未填"]);

/** Not part of an amount, a decimal or a longer number. */
const NUMBER_START = "(?<![\\d.,])";
const NUMBER_END = "(?!\\d|[.,]\\d|\\s*(?:万|元|%|％|亿))";
const MOBILE = new RegExp(`${NUMBER_START}(?:\\+?86[-\\s]?)?1[3-9]\\d(?:[-\\s]?\\d{4}){2}${NUMBER_END}`, "g");
const LANDLINE = new RegExp(
  `${NUMBER_START}(?:[(（]0\\d{2,3}[)）]\\s*|0\\d{2,3}[-－—\\s])\\d{7,8}(?:[-－]\\d{1,4})?${NUMBER_END}`,
  "g",
);
/** A 7–8 digit number shortly after 电话 / 联系方式 / 联系人 or a masked name, in the same clause. */
const LOCAL_PHONE = new RegExp(
  `(电话|联系方式|手机|座机|联系人|${NAME_MASK})([^。；;\\n\\d]{0,12}?)${NUMBER_START}\\d{7,8}${NUMBER_END}`,
  "g",
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type Replacer = (groups: ReadonlyArray<string | undefined>) => string;

/** Replaces every match of a global pattern (no named groups), counting them. */
function replaceCounting(text: string, pattern: RegExp, replace: Replacer): { text: string; count: number } {
  let count = 0;
  const out = text.replace(pattern, (_match: string, ...rest: unknown[]) => {
    count++;
    // The arguments after the groups are the offset and the whole string.
    return replace(rest.slice(0, -2) as Array<string | undefined>);
  });
  return { text: out, count };
}

/**
 * Officer text with personal names and phone numbers masked, before it is sent to an LLM: the
 * names in `known.names` (the report's 填报人…) and names after 填报人 / 填表人 / 联系人 / 负责人 /
 * 经办人 / 审核人 everywhere they occur become "〔姓名〕"; mobile numbers, landlines with an area
 * code, and 7–8 digit numbers after 电话 / 联系方式 / 联系人 or next to a name become "〔电话〕".
 * Amounts ("545.06万元", "6,272,512.00元"), rates and years are left alone.
 */
export function redact(text: string, known: { names: string[] }): { text: string; redactions: number } {
  const labelled = [...text.matchAll(LABELLED_NAME)].map((m) => m[1] ?? "");
  const names = [...new Set([...known.names.map((n) => n.trim()), ...labelled])]
    .filter((n) => [...n].length >= 2 && !NOT_NAMES.has(n))
    .sort((a, b) => b.length - a.length);
  let out = text;
  let redactions = 0;
  const apply = (pattern: RegExp, replace: Replacer) => {
    const r = replaceCounting(out, pattern, replace);
    out = r.text;
    redactions += r.count;
  };
  if (names.length > 0) apply(new RegExp(names.map(escapeRegExp).join("|"), "g"), () => NAME_MASK);
  apply(MOBILE, () => PHONE_MASK);
  apply(LANDLINE, () => PHONE_MASK);
  apply(LOCAL_PHONE, ([label, gap]) => `${label ?? ""}${gap ?? ""}${PHONE_MASK}`);
  return { text: out, redactions };
}
