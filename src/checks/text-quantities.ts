import type { Grade, Report } from "../core/report.ts";
import { parseAmount, parsePercent } from "../numbers/index.ts";
import { type SectionRef, sentencesOf, tight } from "./section-text.ts";

/** Quantities the narrative restates from the tables. */
export type QuantityKey = "total" | "grade" | "rate" | "initial" | "adjusted" | "executed";

/** How messages name each quantity. */
export const QUANTITY_LABELS: Record<QuantityKey, string> = {
  total: "自评得分",
  grade: "评价等级",
  rate: "预算执行率",
  initial: "年初预算数",
  adjusted: "调整预算数",
  executed: "预算执行数",
};

/** One statement of a quantity in the narrative: its value (万元 for amounts) and precision. */
export interface Statement {
  key: QuantityKey;
  ref: SectionRef;
  /** The sentence, for the quote. */
  sentence: string;
  /** The figure as written, e.g. "561.5万元". */
  written: string;
  value: number | Grade;
  decimals: number;
}

const NUM = "(\\d[\\d,]*(?:\\.\\d+)?)";
const IS = "(?:为|是|达到|达)?:?";
const AMOUNT = `${NUM}(万元|元|亿元)`;
const PATTERNS: Array<{ key: QuantityKey; re: RegExp }> = [
  {
    key: "total",
    re: new RegExp(`(?:最终得分|综合得分|自评得分|评分得分|总得分|自评总分)${IS}${NUM}分`, "g"),
  },
  {
    key: "grade",
    re: /(?:评价等级|自评等级|绩效等级|自评结果)(?:为|是|评定为|确定为)?:?[“"「『]?(优秀|优|良好|良|中等|中|差)(?![\p{Script=Han}])/gu,
  },
  { key: "rate", re: new RegExp(`预算执行率${IS}${NUM}%(?!以[上下])`, "g") },
  { key: "initial", re: new RegExp(`(?:预算年初数|年初预算数|年初预算)${IS}${AMOUNT}`, "g") },
  {
    key: "adjusted",
    re: new RegExp(`(?:调整预算数|调整后预算数|调整后的预算数|调整后预算|全年预算数)${IS}${AMOUNT}`, "g"),
  },
  { key: "executed", re: new RegExp(`(?:预算执行金额|预算执行数|支出决算数|支出决算)${IS}${AMOUNT}`, "g") },
];

/** Words shortly before a label that make the figure a part, not the whole ("“三公经费”年初预算"). */
const PART = /三公|公务|接待|任务|基本支出|人员经费|公用经费|采购|专项|资产/;
/** In a department report a project's figures are parts too ("已完结的项目预算执行率"). */
const DEPARTMENT_PART = new RegExp(`${PART.source}|项目`);
/** The grade a report's words name: 优秀 → 优 … (the checker reads only these plain forms). */
export const GRADE_WORDS: Readonly<Record<string, Grade>> = {
  优秀: "优",
  优: "优",
  良好: "良",
  良: "良",
  中等: "中",
  中: "中",
  差: "差",
};

function decimalsOf(text: string): number {
  return text.split(".")[1]?.length ?? 0;
}

function read(
  key: QuantityKey,
  m: RegExpMatchArray,
): { value: number | Grade; written: string; decimals: number } | undefined {
  const figure = m[1] ?? "";
  if (key === "grade") {
    const grade = GRADE_WORDS[figure];
    return grade ? { value: grade, written: figure, decimals: 0 } : undefined;
  }
  if (key === "total") return { value: Number(figure), written: `${figure}分`, decimals: decimalsOf(figure) };
  if (key === "rate") {
    const p = parsePercent(`${figure}%`);
    return p.ok ? { value: p.value.value, written: `${figure}%`, decimals: p.value.decimals } : undefined;
  }
  const a = parseAmount(`${figure}${m[2] ?? ""}`);
  if (!a.ok) return undefined;
  // Precision in 万元: "6,272,512.00元" is exact to 0.000001 万元, "1.2亿元" to 1000 万元.
  const shift = m[2] === "元" ? 4 : m[2] === "亿元" ? -4 : 0;
  const decimals = decimalsOf(figure) + shift;
  return { value: a.value.wan, written: `${figure}${m[2] ?? ""}`, decimals };
}

/**
 * The statements of total score, grade, 预算执行率 and 年初 / 调整 / 执行 amounts in the narrative.
 * Figures of a part (三公经费, a project or task in a department report) are left out.
 */
export function statementsOf(refs: readonly SectionRef[], report: Report): Statement[] {
  const part = report.kind === "project" ? PART : DEPARTMENT_PART;
  return refs.flatMap((ref) =>
    sentencesOf(ref.text).flatMap(({ text: sentence }) => {
      const t = tight(sentence);
      return PATTERNS.flatMap(({ key, re }) =>
        [...t.matchAll(re)].flatMap((m): Statement[] => {
          const window = t.slice(Math.max(0, m.index - 20), m.index);
          const lead = key === "grade" ? "" : (window.split(/[。；;]/).at(-1) ?? "");
          if (key !== "grade" && part.test(lead)) return [];
          const r = read(key, m);
          return r ? [{ key, ref, sentence: sentence.trim(), ...r }] : [];
        }),
      );
    }),
  );
}
