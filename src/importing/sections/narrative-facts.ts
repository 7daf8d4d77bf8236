import { extractFacts } from "../../conversation/facts.ts";
import type { Json } from "../../conversation/patch.ts";
import type { Section, SectionId } from "../../core/sections.ts";

/** A figure read from the narrative: the model path, the value as written, and the sentence. */
export interface NarrativeFact {
  path: string[];
  value: Json;
  section: string;
  quote: string;
}

/** A figure stated twice in the narrative with different values: neither is taken. */
export interface NarrativeClash {
  path: string[];
  values: Json[];
  section: string;
  quote: string;
}

/**
 * Sections whose sentences state the report's own budget figures (资金情况, 投入管理, 综合评价结论).
 * Other sections list sub-totals ("其中商品和服务支出491.21万元") that would be mistaken for them.
 */
const FACT_SECTIONS: ReadonlySet<SectionId> = new Set(["funds", "analysis_input", "conclusion"]);
/**
 * The overview (一、基本情况 / 项目概况) of a project report often states its budget and funds received
 * ("调整预算后项目预算861.46万元…实际到位资金334.67万元"); only these paths are read there, and only
 * where the budget sections and tables give nothing.
 */
const OVERVIEW_SECTIONS: ReadonlySet<SectionId> = new Set(["duties"]);
const OVERVIEW_PATHS: ReadonlySet<string> = new Set([
  "budget.initial",
  "budget.adjusted",
  "budget.funds.received",
  "budget.funds.planned",
]);
/** Sections that state the report's total score and grade (综合评价结论; Hunan's 九、评价等级). */
const SUMMARY_SECTIONS: ReadonlySet<SectionId> = new Set(["conclusion", "grade_statement"]);
/** Model paths the narrative may fill, with their names; everything else comes from the tables. */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  "budget.initial": "年初预算数",
  "budget.adjusted": "调整预算数",
  "budget.executed": "预算执行数",
  "budget.reportedRate": "预算执行率",
  "budget.funds.received": "实际到位资金",
  "budget.funds.planned": "计划投入资金",
  "budget.funds.receivedOnTime": "按时到位资金",
  "budget.cost.budget": "预算成本",
  "budget.cost.actual": "实际成本",
  "budget.assets.total": "固定资产总额",
  "budget.assets.inUse": "在用固定资产",
  "budget.carryover.reportedRate": "结转结余率",
  "budget.threePublicExpenses.budget": "三公经费预算数",
  "budget.threePublicExpenses.actual": "三公经费实际支出",
  "budget.threePublicExpenses.reportedRate": "三公经费控制率",
  "budget.procurement.budget": "政府采购预算数",
  "budget.procurement.actual": "政府采购实际金额",
  "budget.procurement.reportedRate": "政府采购执行率",
  "summary.total": "自评得分",
  "summary.grade": "评价等级",
};
/** "最终得分为96分", "综合评分为97分", "自评总分为96分", "绩效评价得分：92.5分". */
const TOTAL =
  /(?:最终|综合|自评|评分|评价|整体绩效|绩效)(?:得分|评分|分数|总分|总得分)(?:为|是|共)?[:：\s]*(\d+(?:\.\d+)?)\s*分/;
const GRADE = /评价等级(?:为|是)?[:：\s“"]*([优良中差])/;
const SENTENCE = /(?<=[。；;])|\n+/;

/**
 * The report's own figures as its narrative states them: "预算年初数为561.5万元，调整预算数为561.41
 * 万元…预算执行率97%", "三公经费年初预算7.2万元…控制率180%", "最终得分为96分", "评价等级为“优”". Only
 * the sections that state the unit's totals are read. A path stated with two different values is
 * returned as a clash, not a fact, so nothing is picked at random.
 */
export function readNarrativeFacts(sections: readonly Section[]): {
  facts: NarrativeFact[];
  clashes: NarrativeClash[];
} {
  const found = new Map<string, NarrativeFact[]>();
  const add = (fact: NarrativeFact) => {
    const key = fact.path.join(".");
    found.set(key, [...(found.get(key) ?? []), fact]);
  };
  const overview = new Map<string, NarrativeFact[]>();
  for (const section of sections.filter((s) => OVERVIEW_SECTIONS.has(s.id))) {
    for (const sentence of section.text.split(SENTENCE).map((s) => s.trim())) {
      for (const hit of sentence === "" ? [] : extractFacts(sentence, false).hits) {
        const key = hit.field.path.join(".");
        if (!OVERVIEW_PATHS.has(key)) continue;
        const fact = {
          path: hit.field.path.map(String),
          value: hit.value,
          section: section.title,
          quote: sentence,
        };
        overview.set(key, [...(overview.get(key) ?? []), fact]);
      }
    }
  }
  for (const section of sections.filter((s) => FACT_SECTIONS.has(s.id) || SUMMARY_SECTIONS.has(s.id))) {
    for (const sentence of section.text.split(SENTENCE).map((s) => s.trim())) {
      if (sentence === "") continue;
      const where = { section: section.title, quote: sentence };
      for (const hit of FACT_SECTIONS.has(section.id) ? extractFacts(sentence, false).hits : []) {
        if (hit.field.path.join(".") in FACT_LABELS)
          add({ path: hit.field.path.map(String), value: hit.value, ...where });
      }
      if (!SUMMARY_SECTIONS.has(section.id)) continue;
      const total = TOTAL.exec(sentence)?.[1];
      if (total !== undefined) add({ path: ["summary", "total"], value: Number(total), ...where });
      const grade = GRADE.exec(sentence)?.[1];
      if (grade !== undefined) add({ path: ["summary", "grade"], value: grade, ...where });
    }
  }
  // The overview counts only for what the budget sections leave unsaid.
  for (const [key, list] of overview) if (!found.has(key)) found.set(key, list);
  const facts: NarrativeFact[] = [];
  const clashes: NarrativeClash[] = [];
  for (const list of found.values()) {
    const [first] = list;
    if (first === undefined) continue;
    const values = [...new Set(list.map((f) => JSON.stringify(f.value)))].map((v) => JSON.parse(v) as Json);
    if (values.length === 1) facts.push(first);
    else clashes.push({ path: first.path, values, section: first.section, quote: first.quote });
  }
  return { facts, clashes };
}
