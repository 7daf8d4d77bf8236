import { SECTION_RULES } from "../checks/data/section-rules.ts";
import { isEmptyAnswer } from "../checks/section-text.ts";
import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { SECTION_TITLES, type SectionId } from "../core/sections.ts";
import type { Draft, SectionAuthor, TemplateFamily } from "../drafting/draft-types.ts";
import { officerSection } from "../drafting/officer-text.ts";
import { orPending, pending } from "../drafting/pending.ts";
import { NARRATIVE_NEEDS, narrativeMarker } from "../drafting/section-needs.ts";
import { fmt, samePoints } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";

/** What the section texts are made from. */
export interface SectionSources {
  report: Report;
  card: ScoreCard;
  draft: Draft;
  findings: Finding[];
  family: TemplateFamily;
}

const hasText = (text: string | undefined): text is string =>
  text !== undefined && !isEmptyAnswer(text, SECTION_RULES.emptyAnswers);

/** What a section says when there is nothing to put in it: never blank, never "无": 〔待补充：…〕. */
function missingText(id: SectionId): string {
  return NARRATIVE_NEEDS[id] === undefined ? pending(SECTION_TITLES[id]) : narrativeMarker(id);
}

/** "部门整体" or "项目支出". */
export function kindLabel(report: Report): string {
  return report.kind === "project" ? "项目支出" : "部门整体";
}

function officerText(report: Report, id: SectionId): string | undefined {
  const text = report.narrative
    .filter((s) => s.id === id)
    .map((s) => s.text.trim())
    .join("\n\n");
  return hasText(text) ? text : undefined;
}

function taskList(report: Report): string | undefined {
  if (report.tasks.length === 0) return undefined;
  const names = report.tasks.map((t, i) => `（${i + 1}）${t.name.replace(/^任务\s*\d+\s*[:：]\s*/, "")}`);
  return `${report.year}年度主要任务共${report.tasks.length}项：${names.join("；")}。`;
}

/** 年度履职目标及主要任务 (department) or 项目概况及年度总体目标 (project), from the report's own data. */
function dutiesText(report: Report): string {
  const officer = officerText(report, "duties");
  if (report.kind === "project") {
    const parent = `，主管部门为${orPending(report.unit.parent, "主管部门")}`;
    const project = report.project === undefined ? pending("项目名称") : `“${report.project}”`;
    const about = officer ?? `${project}由${report.unit.name}实施${parent}。`;
    const goal = `年度总体目标：${hasText(report.goals.text) ? report.goals.text : pending("年度总体目标")}`;
    const done = `实际完成情况：${hasText(report.goals.status) ? report.goals.status : pending("年度总体目标的实际完成情况")}`;
    return [about, goal, done].join("\n\n");
  }
  const goals = officer ?? (hasText(report.goals.text) ? report.goals.text : pending("年度履职目标"));
  return [goals, taskList(report)].filter((p) => p !== undefined).join("\n\n");
}

/** 绩效目标、绩效指标设置情况: how many indicators at each level, and the scheme's block weights. */
function targetsText(report: Report, card: ScoreCard): string {
  const subject = report.kind === "project" ? "本项目" : "本部门";
  const weights = card.blocks.map((b) => `${b.name}${fmt(b.weight)}分`).join("、");
  const total = fmt(card.blocks.reduce((sum, b) => sum + b.weight, 0));
  const scheme = `按评分方案，各一级指标分值合计${total}分（${weights}）`;
  if (report.indicators.length === 0) {
    return `${pending("绩效指标（一级、二级、三级指标及指标值）")}${scheme}。`;
  }
  const groups = report.indicators.reduce((n, b) => n + b.groups.length, 0);
  const rows = report.indicators.reduce(
    (n, b) => n + b.groups.reduce((m, g) => m + g.indicators.length, 0),
    0,
  );
  return `${subject}设置一级指标${report.indicators.length}个、二级指标${groups}个、三级指标${rows}个；${scheme}。各项指标的指标值、实际完成值、分值及得分见下表。`;
}

/**
 * 综合评价结论 (and the Hunan 评价等级): the rules' total and grade under the scheme, the block
 * scores, and one sentence each when the report stated another total or grade.
 */
function conclusionText(report: Report, card: ScoreCard): string {
  const kind = kindLabel(report);
  const subject = report.kind === "project" ? "本项目" : "本单位";
  const lead =
    `根据${kind}绩效自评评分规则（${card.schemeName}）对每个指标分别评分，` +
    `${subject}${report.year}年度${kind}绩效自评得分为${fmt(card.total)}分，评价等级为“${card.grade}”。`;
  const blocks = card.blocks.map((b) => `${b.name}${fmt(b.points)}分（满分${fmt(b.weight)}分）`).join("，");
  const first = card.blocks.length === 0 ? lead : `${lead}其中，${blocks}。`;
  const notes: string[] = [];
  const stated = card.reported.total;
  if (stated !== undefined && !samePoints(stated, card.total)) {
    notes.push(
      `报告原填自评得分为${fmt(stated)}分，与按评分规则逐项计算的结果不一致，本稿采用按规则计算的得分，差异见文末“附：核查发现”。`,
    );
  }
  if (card.reported.grade !== undefined && card.reported.grade !== card.grade) {
    notes.push(`报告原填评价等级为“${card.reported.grade}”，按上述得分应为“${card.grade}”。`);
  }
  return notes.length === 0 ? first : `${first}\n\n${notes.join("")}`;
}

function generated(id: SectionId, src: SectionSources): string {
  switch (id) {
    case "duties":
      return dutiesText(src.report);
    case "targets":
      return targetsText(src.report, src.card);
    case "conclusion":
    case "grade_statement":
      return conclusionText(src.report, src.card);
    default:
      return officerText(src.report, id) ?? missingText(id);
  }
}

/**
 * The text of every section of the family: drafted sections from the draft (else the officer's
 * substantive text, else a sentence saying what is missing); the others generated from the report's
 * figures or, for facts only the officer knows (机构人员, 工作计划), the officer's text.
 */
export function sectionTexts(src: SectionSources): {
  sections: Partial<Record<SectionId, string>>;
  authors: Partial<Record<SectionId, SectionAuthor>>;
} {
  const sections: Partial<Record<SectionId, string>> = {};
  const authors: Partial<Record<SectionId, SectionAuthor>> = {};
  for (const { id, drafted } of src.family.sections) {
    if (!drafted) {
      sections[id] = generated(id, src);
      continue;
    }
    const written = src.draft.sections.find((s) => s.id === id && hasText(s.text));
    const officer = officerSection(src, id);
    if (written !== undefined) {
      sections[id] = written.text.trim();
      authors[id] = written.by;
    } else if (officer?.substantive === true) {
      sections[id] = officer.text;
      authors[id] = "officer";
    } else {
      sections[id] = missingText(id);
      authors[id] = "deterministic";
    }
  }
  return { sections, authors };
}
