import { statesValue } from "../../scoring/rounding.ts";
import { slowTasks } from "../measure-text.ts";
import { pending } from "../pending.ts";
import { executionFigures } from "../row-phrases.ts";
import { missingSentence, type SectionKit } from "../section-kit.ts";

function totals(kit: SectionKit): string {
  const parts = [
    ...(kit.has("budget.initial") ? ["年初预算数[[budget.initial]]"] : []),
    ...(kit.has("budget.adjusted") ? ["调整后预算数[[budget.adjusted]]"] : []),
    ...(kit.has("budget.executed") ? ["预算执行数[[budget.executed]]"] : []),
  ];
  const head = `${kit.fig("year")}度，${kit.we}${parts.length > 0 ? parts.join("，") : `预算数据${pending("年初预算数、调整后预算数和预算执行数")}`}。`;
  if (!kit.has("budget.rate")) return `${head}${executionFigures(kit)}。`;
  const unspent = (kit.fact("budget.unspent")?.value ?? 0) > 0 ? `，未执行资金[[budget.unspent]]` : "";
  const stated = statedRate(kit);
  // A rate that contradicts the stated one is not called 预算执行率, or it reads as restating the table.
  const name = stated === "" ? "预算执行率" : "执行率";
  return `${head}按预算执行数÷${kit.has("budget.adjusted") ? "调整后预算数" : "年初预算数"}计算，${name}为[[budget.rate]]${unspent}。${stated}`;
}

/** The stated rate against the computed one: agreeing (rounded) or "报告填写…，按上述数据计算应为…". */
function statedRate(kit: SectionKit): string {
  const stated = kit.fact("budget.reportedRate");
  const computed =
    kit.card.derived.find((d) => d.key === "executionRate")?.value ?? kit.fact("budget.rate")?.value;
  if (stated === undefined || computed === undefined) return "";
  const decimals = stated.text.split(".")[1]?.replace("%", "").length ?? 0;
  if (statesValue(computed, stated.value, decimals)) return "";
  return `报告填写的执行率为[[budget.reportedRate]]，按上述数据计算应为[[budget.rate]]，需更正。`;
}

function score(kit: SectionKit): string {
  if (!kit.has("budget.weight") || !kit.has("budget.points")) return "";
  const reported =
    kit.has("budget.reported") && kit.fact("budget.reported")?.value !== kit.fact("budget.points")?.value
      ? `，报告自评为[[budget.reported]]`
      : "";
  return `预算执行率分值[[budget.weight]]，按评分规则得[[budget.points]]${reported}。`;
}

function subRow(kit: SectionKit, prefix: string, name: string): string | undefined {
  const adjusted = kit.has(`${prefix}.adjusted`)
    ? `[[${prefix}.adjusted]]`
    : kit.has(`${prefix}.initial`)
      ? `[[${prefix}.initial]]`
      : undefined;
  if (adjusted === undefined) return undefined;
  if (kit.fact(`${prefix}.adjusted`)?.value === 0 && !kit.has(`${prefix}.executed`)) return `未安排${name}`;
  const executed = kit.has(`${prefix}.executed`)
    ? `，执行[[${prefix}.executed]]`
    : `，执行数${pending(`${name}执行数`)}`;
  const rate = kit.has(`${prefix}.rate`) ? `，执行率[[${prefix}.rate]]` : "";
  return `${name}预算${adjusted}${executed}${rate}`;
}

function structure(kit: SectionKit): string {
  const sources = [
    subRow(kit, "budget.fiscal", "财政性资金"),
    subRow(kit, "budget.other", "其他资金"),
  ].filter((s): s is string => s !== undefined);
  const kinds = [subRow(kit, "budget.basic", "基本支出"), subRow(kit, "budget.project", "项目支出")].filter(
    (s): s is string => s !== undefined,
  );
  const parts = [
    ...(sources.length > 0 ? [`从资金来源看，${sources.join("；")}`] : []),
    ...(kinds.length > 0 ? [`从支出结构看，${kinds.join("；")}`] : []),
  ];
  return parts.length === 0
    ? `资金来源和支出结构：${pending("财政性资金、其他资金和基本支出、项目支出的预算数和执行数")}。`
    : `${parts.join("。")}。`;
}

/** The 年度主要任务: count, sums, the slowest ones, and a sum that disagrees with 项目支出. */
export function taskParagraph(kit: SectionKit): string {
  if (!kit.has("tasks.count")) return "";
  const sums =
    kit.has("tasks.budget") && kit.has("tasks.executed")
      ? `，预算资金合计[[tasks.budget]]，执行[[tasks.executed]]`
      : "";
  const slow = slowTasks(kit);
  const rated = kit.report.tasks.every((_, i) => kit.has(`task.${i + 1}.rate`));
  const slowest =
    slow.length > 0
      ? `执行率较低的是${slow.join("、")}。`
      : rated
        ? "各项任务均已足额执行。"
        : missingSentence("各项任务的预算执行数", "任务执行率无法计算");
  const mismatch = kit.input.findings.some(
    (f) => f.code === "budget.subrows_sum" && f.where.path === "budget.structure.project",
  );
  const check =
    mismatch && kit.has("tasks.budget") && kit.has("budget.project.adjusted")
      ? "各项任务预算资金合计[[tasks.budget]]与项目支出调整后预算数[[budget.project.adjusted]]不一致，需核对。"
      : "";
  return `${kit.we}共有[[tasks.count]]年度主要任务${sums}；${slowest}${check}`;
}

function pair(kit: SectionKit, prefix: string, name: string, noun: string): string {
  if (!kit.has(`${prefix}.budget`) && !kit.has(`${prefix}.actual`)) return "";
  const zero = kit.fact(`${prefix}.budget`)?.value === 0 && kit.fact(`${prefix}.actual`)?.value === 0;
  if (zero) return `${name}预算数和${noun}均为零，相关比率不适用，不应填写为百分比。`;
  const budget = kit.has(`${prefix}.budget`)
    ? `预算[[${prefix}.budget]]`
    : `预算数${pending(`${name}预算数`)}`;
  const actual = kit.has(`${prefix}.actual`)
    ? `${noun}[[${prefix}.actual]]`
    : `${noun}${pending(`${name}${noun}`)}`;
  const rate = kit.has(`${prefix}.rate`) ? `，比率为[[${prefix}.rate]]` : "";
  return `${name}${budget}，${actual}${rate}。`;
}

/**
 * 资金情况分析: budget figures, the execution rate computed from them (and the stated one when it
 * differs), unspent funds, the points of the 预算执行率 row, sources and structure, the tasks,
 * 三公经费 and 政府采购 when present; absent figures are named as missing.
 */
export function writeFunds(kit: SectionKit): string {
  const head = `${totals(kit)}${score(kit)}`;
  const extra = [
    pair(kit, "budget.threePublicExpenses", "“三公经费”", "实际支出"),
    pair(kit, "budget.procurement", "政府采购", "实际采购金额"),
  ].join("");
  return [head, structure(kit), taskParagraph(kit), extra].filter((s) => s !== "").join("\n\n");
}

/** 基本支出情况 (Hunan): the 基本支出 row, or the missing wording. */
export function writeFundsBasic(kit: SectionKit): string {
  const row = subRow(kit, "budget.basic", "基本支出");
  return row === undefined
    ? missingSentence("基本支出的预算数和执行数", "基本支出情况无法分析")
    : `${kit.fig("year")}度，${kit.we}${row}，主要用于保障人员经费和日常公用经费等正常运转支出。`;
}

/** 项目支出情况 (Hunan): the 项目支出 row and the tasks, or the missing wording. */
export function writeFundsProject(kit: SectionKit): string {
  const row = subRow(kit, "budget.project", "项目支出");
  const tasks = taskParagraph(kit);
  if (row === undefined && tasks === "")
    return missingSentence("项目支出的预算数和执行数", "项目支出情况无法分析");
  return [row === undefined ? "" : `${kit.fig("year")}度，${kit.we}${row}。`, tasks]
    .filter((s) => s !== "")
    .join("\n\n");
}
