import { SECTION_TITLES } from "../../core/sections.ts";
import { yiShi } from "../chinese-ordinals.ts";
import { slowTasks } from "../measure-text.ts";
import { problemItems } from "../problem-items.ts";
import { q, quoted, type SectionKit } from "../section-kit.ts";

function problemNames(kit: SectionKit): string[] {
  return [...new Set(problemItems(kit.card).map((i) => i.name))];
}

/** The stable title of the family's problems section, for a cross-reference. */
function problemsTitle(kit: SectionKit): string {
  const id = kit.input.family.sections.find((s) => s.id === "problems_measures" || s.id === "problems")?.id;
  return SECTION_TITLES[id ?? "problems_measures"];
}

/** Whether the stated total differs from the rules' total (both known). */
function totalsDiffer(kit: SectionKit): boolean {
  const stated = kit.card.reported.total;
  return stated !== undefined && kit.has("score.reported") && Math.abs(stated - kit.card.total) >= 0.005;
}

/**
 * 自评结果应用和公开情况: the problems put on a rectification list by name, the results used for
 * next year's budget (the slowest tasks named) and targets, and publication with the accounts.
 */
export function writeApplication(kit: SectionKit): string {
  const names = problemNames(kit);
  const ledger =
    names.length > 0
      ? `建立整改台账。将本次自评发现的${quoted(names.slice(0, 4))}${names.length > 4 ? "等" : ""}失分问题逐项列入整改台账，明确责任科室和完成时限，整改结果报财政部门备案。`
      : `巩固自评结果。本次自评按规则得${kit.fig("score.total")}，将各项指标的完成情况和佐证材料整理归档，作为下一年度绩效监控的基线。`;
  const slow = slowTasks(kit);
  const budget = `应用于预算安排。将自评结果作为${kit.fig("year.next")}预算编制和绩效目标申报的依据${
    slow.length > 0 ? `，对执行偏慢的${slow.join("、")}结合实际支出进度核定预算` : ""
  }，对已完成的指标以本年度实际完成值为基础设定下一年度指标值。`;
  const publish = `按规定公开。${kit.fig("year")}度绩效自评报告和自评表经财政部门审核后，随部门决算一并向社会公开，接受社会监督。`;
  return yiShi([ledger, budget, publish]);
}

/**
 * 自评工作的经验、问题和建议: what worked (blocks met in full, by name and 得分率), what went wrong in
 * this self-evaluation (stated vs computed total, rows cut without basis, data gaps), and what to
 * do next time, all from this report's figures.
 */
export function writeExperience(kit: SectionKit): string {
  const strong = kit.card.blocks
    .filter((b) => b.id !== "budget" && b.indicators.every((r) => r.kind !== "budget"))
    .filter((b) => b.indicators.length > 0 && b.lost < 0.005 && kit.has(`block.${b.id}.rate`));
  const experience =
    strong.length > 0
      ? `经验：以自评表为抓手逐项核实指标，${strong.map((b) => `${q(b.name)}得分率[[block.${b.id}.rate]]`).join("、")}，说明年初设定的目标与实际工作衔接较好。`
      : `经验：以自评表为抓手逐项核实指标，按规则得${kit.fig("score.total")}，对失分指标逐一查找了原因。`;
  const issues: string[] = [];
  if (totalsDiffer(kit))
    issues.push("报告填报的自评得分[[score.reported]]与按规则计算的[[score.total]]不一致");
  const cuts = kit.card.blocks
    .flatMap((b) => b.indicators)
    .filter((r) => r.reported !== undefined && r.reported < r.weight - 0.005 && r.points >= r.weight - 0.005)
    .map((r) => kit.title(r));
  if (cuts.length > 0) issues.push(`${[...new Set(cuts)].slice(0, 3).join("")}已达到指标值却自评扣分`);
  if (kit.sheet.missing.length > 0)
    issues.push(
      `报告缺少${kit.sheet.missing
        .slice(0, 2)
        .map((m) => m.label)
        .join("、")}等数据`,
    );
  const problem =
    issues.length > 0
      ? `问题：本次自评中${issues.join("，")}，自评表的填报质量有待提高。`
      : `问题：自评表各项数据与评分规则一致，但定性指标主要依据完成情况评分，佐证材料还不够系统。`;
  const advice = `建议：填报前按《${kit.card.schemeName}》逐项核算得分、比率和合计，申报${kit.fig("year.next")}绩效目标时同步明确指标值、度量单位、数据来源和佐证材料。`;
  return [experience, problem, advice].join("\n\n");
}

/**
 * 其他需要说明的问题: the data caveats of this report — figures it lacks, the stated vs computed
 * total, ratios that are 0/0 — or, when there are none, a statement that the figures are complete.
 */
export function writeOther(kit: SectionKit): string {
  const notes: string[] = [];
  if (kit.sheet.missing.length > 0) {
    notes.push(
      `报告未提供${kit.sheet.missing.map((m) => m.label).join("、")}，相关数据和比率无法计算，请补充。`,
    );
  }
  const absent = new Set(kit.sheet.missing.map((m) => m.label));
  const lacking = kit.card.derived.filter(
    (d) =>
      d.status === "missing" &&
      d.missing.some((label) => !absent.has(label)) &&
      kit.rows.some(({ row }) => row.name === d.name),
  );
  for (const d of lacking)
    notes.push(`${q(d.name)}缺少${d.missing.join("、")}，无法按公式核算，自评表所填数值未经核实。`);
  if (totalsDiffer(kit)) {
    notes.push(
      `自评得分：报告填报[[score.reported]]，按评分规则计算为[[score.total]]，差异原因见“${problemsTitle(kit)}”部分。`,
    );
  }
  const na = kit.card.derived.filter((d) => d.status === "na").map((d) => d.name);
  if (na.length > 0) notes.push(`${quoted(na)}分子分母均为零，按“不适用”处理，不填写百分比。`);
  if (notes.length === 0) {
    return `${kit.unit}${kit.fig("year")}度自评所用的预算、任务和指标数据均取自自评表，按评分规则计算的得分${kit.fig("score.total")}与报告填报一致，没有其他需要说明的事项。`;
  }
  return yiShi(notes);
}
