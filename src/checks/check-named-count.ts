import type { Finding } from "../core/finding.ts";
import { parseChineseNumeral } from "../numbers/index.ts";
import { type SectionRef, sectionFinding, sectionName, sentencesOf } from "./section-text.ts";

const COUNT = "(?<![第\\d])(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
/**
 * A count, then the names: "直属事业单位10个，即A、B、…、I", "单位有3个，分别为A、B和C", "设有三个科室：
 * A、B、C", "下设科室5个，其中A、B…", "包括：A、B". The list runs to the end of the sentence.
 */
const COUNT_THEN_NAMES = new RegExp(
  `${COUNT}\\s*(?:个|家|所|名|项|处|座|条|类)[^，,。；;：:、\\d]{0,8}?\\s*[，,]?\\s*(即|分别为|分别是|分别有|包括|包含|其中|为|有|[:：])\\s*[:：]?\\s*([^。；;：:\\n]+)`,
  "u",
);
/** The names, then the count of them: "设办公室、财务科、业务科3个科室", "A、B和C三个单位". */
const NAMES_THEN_COUNT = new RegExp(
  `(?:^|[，,。；;：:])\\s*([^，,。；;：:\\d]+、[^，,。；;：:\\d]+?)\\s*(?:共|这)?${COUNT}\\s*(?:个|家|所|项|类)\\s*(单位|部门|科室|股室|内设机构|机构|项目|乡镇|街道|社区|村|学校|医院|中心|系统|平台|板块|方面|环节|站所)`,
  "u",
);
/** A verb before the first name ("下设办公室、…"), not part of it. */
const LEADING_VERB = /^(?:下设|设有|设立|内设|共有|包括|涵盖|涉及|覆盖|含有|有)/u;
/** Words that make the last "name" a clause ("A、B为综合科室"): the list is not a plain list of names. */
const PREDICATE = /为|是|负责|属于|承担|主要|已|均|由|进行|开展/u;

function countOf(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  const n = parseChineseNumeral(text);
  return n.ok && n.value.decimals === 0 ? n.value.value : undefined;
}

/**
 * The names of a list separated by 、 (和/及/与/以及 before the last), or undefined when it cannot be
 * counted: it ends in 等 (not complete), holds numbers (amounts, not names), or an item is a clause.
 */
function namedItems(list: string, strict = false): string[] | undefined {
  const text = list.replace(/\s+/g, "");
  if (/等|\d|其中/.test(text) || !text.includes("、")) return undefined;
  const parts = text.replace(LEADING_VERB, "").split("、");
  const last = parts.pop() ?? "";
  parts.push(...last.split(/以及|和|及|与/u));
  const max = strict ? 12 : 30;
  if (strict && parts.some((p) => PREDICATE.test(p))) return undefined;
  return parts.every((p) => p.length >= 2 && p.length <= max) ? parts : undefined;
}

function mismatch(
  ref: SectionRef,
  sentence: string,
  n: number,
  items: string[],
  order: "after" | "before",
): Finding {
  const where = order === "after" ? "随后列出的名称" : "前面列出的名称";
  return sectionFinding(
    "count.mismatch",
    "warn",
    ref,
    sentence.trim(),
    `${sectionName(ref)}说有${n}个，但${where}是${items.length}个（${items.join("、")}）。请核对数量：补上漏列的名称，或改正总数。`,
    { expected: items.length, actual: n },
  );
}

/**
 * count.mismatch between a count and the names listed with it, after it ("…10个，即A、B…", "…3个科室：
 * A、B、C", "…其中A、B…") or before it ("A、B、C三个单位"). A list ending in 等 means "not all named" and
 * is not compared; neither is one with numbers in it, nor (after 其中 or before the count) one whose
 * items read as clauses or are longer than a name.
 */
export function checkNamedCounts(refs: readonly SectionRef[]): Finding[] {
  return refs.flatMap((ref) =>
    sentencesOf(ref.text).flatMap(({ text: sentence }): Finding[] => {
      const after = COUNT_THEN_NAMES.exec(sentence);
      if (after !== null) {
        const n = countOf(after[1] ?? "");
        const items = namedItems(after[3] ?? "", after[2] === "其中");
        if (n === undefined || items === undefined) return [];
        return items.length === n ? [] : [mismatch(ref, sentence, n, items, "after")];
      }
      const before = NAMES_THEN_COUNT.exec(sentence);
      if (before === null || /等$/u.test(before[1] ?? "")) return [];
      const n = countOf(before[2] ?? "");
      const items = namedItems(before[1] ?? "", true);
      if (n === undefined || items === undefined || items.length === n) return [];
      return [mismatch(ref, sentence, n, items, "before")];
    }),
  );
}
