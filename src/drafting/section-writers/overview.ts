import { figureFree } from "../row-phrases.ts";
import { missingSentence, plainName, q, type SectionKit } from "../section-kit.ts";
import { taskParagraph } from "./funds.ts";

/**
 * Writers for the sections the template usually fills from the tables or the officer writes
 * (职能, 机构, 计划, 支出规模, 目标设置, 结论, 评价等级, 组织实施, 资产): a factual version built
 * from the report, or the missing wording, so a fallback never prints "无".
 */

/** 部门职能及年度履职目标 / 年度重点工作计划: the stated goals when they carry no figure, else the tasks by name. */
export function writeDuties(kit: SectionKit): string {
  const goals = figureFree(kit.report.goals.text);
  if (goals !== undefined)
    return `${kit.fig("year")}度，${kit.we}的年度履职目标是：${goals.replace(/[。；;]+$/, "")}。`;
  const tasks = kit.report.tasks.map((t) => plainName(t.name)).filter((n) => figureFree(n) !== undefined);
  if (tasks.length > 0)
    return `${kit.fig("year")}度，${kit.we}的主要任务包括${tasks.map((n) => `${q(n)}`).join("、")}。`;
  return missingSentence("年度履职目标和年度主要任务", "本部分无法填写");
}

/** 组织机构及人员情况: staffing figures when stated. */
export function writeOrganization(kit: SectionKit): string {
  if (!kit.has("budget.staff.authorized") && !kit.has("budget.staff.actual")) {
    return missingSentence("机构设置、编制数和在职人员数", "本部分无法填写");
  }
  const parts = [
    ...(kit.has("budget.staff.authorized") ? ["编制数[[budget.staff.authorized]]"] : []),
    ...(kit.has("budget.staff.actual") ? ["在职人员数[[budget.staff.actual]]"] : []),
  ];
  return `${kit.unit}${parts.join("，")}。`;
}

/** 支出规模、使用方向和主要内容: budget totals and the tasks. */
export function writeSpendingScope(kit: SectionKit): string {
  const total = kit.has("budget.adjusted")
    ? `${kit.fig("year")}度，${kit.we}调整后预算数[[budget.adjusted]]。`
    : missingSentence("调整后预算数", "支出规模无法说明");
  return [total, taskParagraph(kit)].filter((s) => s !== "").join("\n\n");
}

/** 绩效目标与指标设置情况: how many indicators under which blocks and weights. */
export function writeTargets(kit: SectionKit): string {
  const count = kit.has("indicators.count") ? `共设置[[indicators.count]]三级指标，` : "";
  const blocks = kit.card.blocks
    .map((b) => (kit.has(`block.${b.id}.weight`) ? `${q(b.name)}[[block.${b.id}.weight]]` : `${q(b.name)}`))
    .join("、");
  return `${kit.fig("year")}度，${kit.we}${count}分属${blocks}。各项指标的指标值、实际完成值和得分见自评表。`;
}

/** 综合评价结论 / 评价等级: the score by the rules, the grade, and the stated score when it differs. */
export function writeConclusion(kit: SectionKit): string {
  const stated = kit.card.reported.total;
  const differs =
    stated !== undefined && kit.has("score.reported") && Math.abs(stated - kit.card.total) >= 0.005;
  const note = differs
    ? `报告填报的自评得分为[[score.reported]]，应按规则更正为${kit.fig("score.total")}。`
    : "";
  const blocks = kit.card.blocks
    .filter((b) => kit.has(`block.${b.id}.points`))
    .map((b) => `${q(b.name)}得[[block.${b.id}.points]]`)
    .join("，");
  return `${kit.fig("year")}度，${kit.we}按《${kit.card.schemeName}》${kit.verdict()}。${blocks === "" ? "" : `其中${blocks}。`}${note}`;
}

/** 项目组织实施情况: the tasks and their status as reported. */
export function writeImplementation(kit: SectionKit): string {
  const done = kit.report.tasks.filter((t) => t.status !== undefined && figureFree(t.status) !== undefined);
  const status = done.map((t) => `${q(plainName(t.name))}${t.status}`).slice(0, 6);
  const tasks = taskParagraph(kit);
  if (status.length === 0 && tasks === "")
    return missingSentence("年度主要任务及其完成情况", "组织实施情况无法说明");
  return [tasks, status.length > 0 ? `任务完成情况：${status.join("，")}。` : ""]
    .filter((s) => s !== "")
    .join("\n\n");
}

/** 资产管理情况: the report model holds no asset figures, so the draft asks for them. */
export function writeAssets(kit: SectionKit): string {
  return missingSentence(`${kit.unit}的资产总额、固定资产和无形资产等数据`, "资产管理情况无法分析");
}
