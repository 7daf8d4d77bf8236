import { yiShi } from "../chinese-ordinals.ts";
import { q, type SectionKit } from "../section-kit.ts";

function subject(kit: SectionKit): string {
  return kit.report.kind === "project" && kit.report.project
    ? `${q(kit.report.project)}项目支出`
    : `${kit.we}部门整体支出`;
}

function preparation(kit: SectionKit): string {
  const tasks = kit.has("tasks.count") ? `[[tasks.count]]年度主要任务、` : "";
  return `前期准备阶段。按照${kit.fig("year")}度预算绩效自评工作要求，${kit.unit}成立绩效自评工作组，明确本次自评对象为${subject(kit)}，梳理年度${kit.report.kind === "project" ? "绩效" : "履职"}目标、${tasks}绩效目标申报表和预算批复等基础资料。`;
}

function verification(kit: SectionKit): string {
  const figures = [
    ...(kit.has("budget.adjusted") ? ["调整后预算数[[budget.adjusted]]"] : []),
    ...(kit.has("budget.executed") ? ["预算执行数[[budget.executed]]"] : []),
  ];
  const budget = figures.length > 0 ? `核对${figures.join("、")}等预算执行数据，` : "";
  const count = kit.has("indicators.count") ? `[[indicators.count]]三级指标` : "各项三级指标";
  const gaps = kit.sheet.missing.map((m) => m.label);
  const missing =
    gaps.length > 0
      ? `核查中发现报告缺少${gaps.slice(0, 3).join("、")}${gaps.length > 3 ? "等数据" : ""}，已列入待补充事项。`
      : "";
  return `数据核查阶段。自评工作组${budget}逐项核实${count}的指标值、实际完成值和佐证材料。${missing}`;
}

function scoring(kit: SectionKit): string {
  const blocks = kit.card.blocks
    .map((b) => (kit.has(`block.${b.id}.weight`) ? `“${b.name}”（[[block.${b.id}.weight]]）` : `“${b.name}”`))
    .join("、");
  const full = kit.has("indicators.full") ? `，[[indicators.full]]三级指标取得满分` : "";
  const lost =
    kit.has("deductions.count") && (kit.fact("deductions.count")?.value ?? 0) > 0
      ? `，按评分规则失分的有[[deductions.count]]`
      : "";
  return `评分分析阶段。按照《${kit.card.schemeName}》，对${blocks}逐项评分${full}${lost}，按评分规则${kit.verdict()}。`;
}

function writing(kit: SectionKit): string {
  const lost =
    kit.card.total < 100 - 0.005
      ? "针对失分指标逐项分析原因、提出改进措施"
      : "总结各项指标的完成情况和薄弱环节";
  return `报告撰写阶段。${lost}，形成${kit.fig("year")}度绩效自评报告，按程序报财政部门审核。`;
}

/**
 * 绩效自评工作开展情况: the stages of this unit's evaluation in this year — preparation, checking the
 * budget figures and the indicators (naming what is missing), scoring under the named scheme with
 * the counts of full and lost rows, writing — in the 一是/二是 register of real reports.
 */
export function writeProcess(kit: SectionKit): string {
  return yiShi([preparation(kit), verification(kit), scoring(kit), writing(kit)]);
}
