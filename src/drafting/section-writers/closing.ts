import { SECTION_TITLES } from "../../core/sections.ts";
import { yiShi } from "../chinese-ordinals.ts";
import { problemItems } from "../problem-items.ts";
import { q, quoted, type SectionKit } from "../section-kit.ts";
import { narrativeMarker } from "../section-needs.ts";

function problemNames(kit: SectionKit): string[] {
  return [...new Set(problemItems(kit.card).map((i) => i.name))];
}

/** The stable title of the family's problems section, for a cross-reference. */
function problemsTitle(kit: SectionKit): string {
  const section = kit.input.family.sections.find((s) => s.id === "problems_measures" || s.id === "problems");
  const heading = section?.heading ?? "";
  return /\p{Script=Han}/u.test(heading) ? heading : SECTION_TITLES[section?.id ?? "problems_measures"];
}

/** Whether the stated total differs from the rules' total (both known). */
function totalsDiffer(kit: SectionKit): boolean {
  const stated = kit.card.reported.total;
  return stated !== undefined && kit.has("score.reported") && Math.abs(stated - kit.card.total) >= 0.005;
}

/**
 * 自评结果应用和公开情况: how the results are used and published is the officer's to tell, so the
 * draft marks it 〔待补充：…〕 (never a stock 随部门决算一并向社会公开); it names only the problems
 * the rules found, which the application has to answer.
 */
export function writeApplication(kit: SectionKit): string {
  const names = problemNames(kit);
  const found =
    names.length > 0
      ? `本次自评发现的失分问题为${quoted(names.slice(0, 4))}${names.length > 4 ? "等" : ""}（见“${problemsTitle(kit)}”部分）。`
      : "";
  return [found, narrativeMarker("application")].filter((p) => p !== "").join("\n\n");
}

/** What went wrong in the report's own data: stated vs computed total, rows cut without basis, data gaps. */
function dataIssues(kit: SectionKit): string[] {
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
        .join("、")}${kit.sheet.missing.length > 2 ? "等数据" : ""}`,
    );
  return issues;
}

/**
 * 自评工作的经验、问题和建议: the problems of this report's own data the rules found (stated vs
 * computed total, rows cut although met, data gaps), stated as facts, never as blame; the lessons
 * and suggestions are the officer's, marked 〔待补充：…〕.
 */
export function writeExperience(kit: SectionKit): string {
  const issues = dataIssues(kit);
  const problem = issues.length > 0 ? `问题：按评分规则核对，${issues.join("；")}。` : "";
  return [problem, narrativeMarker("experience")].filter((p) => p !== "").join("\n\n");
}

/**
 * 其他需要说明的问题: the data caveats of this report — figures it lacks, the stated vs computed
 * total, ratios that are 0/0 — or, when there are none, the 〔待补充：…〕 marker: whether anything
 * else needs explaining is the officer's to say.
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
  if (notes.length === 0) return narrativeMarker("other");
  return yiShi(notes);
}
