import { checkSectionAnswer } from "../checks/check-text.ts";
import { deductionsOf } from "../checks/deductions.ts";
import type { Report } from "../core/report.ts";
import type { SectionId } from "../core/sections.ts";
import { fmt } from "../scoring/rounding.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { CopyHit } from "./copy-hits.ts";

/** What a narrative answer is checked against: the draft as a report and its score card. */
export interface ReviewContext {
  report: Report | null;
  card: ScoreCard | null;
  copies: readonly CopyHit[];
}

const NONE = /^(无|没有|暂无|无问题|没有问题|没有发现问题|未发现问题)[。.]?$/;
const PROBLEM_SECTIONS: ReadonlySet<SectionId> = new Set(["problems", "problems_measures"]);

/**
 * "无" in a problems section when points were lost: a follow-up about the biggest actual deduction
 * ("您在“辖区居民满意”上失1分，原因是什么？"), naming the others. Undefined when nothing was lost.
 */
export function noProblemsFollowUp(id: SectionId, text: string, card: ScoreCard | null): string | undefined {
  if (!PROBLEM_SECTIONS.has(id) || !NONE.test(text.trim()) || card === null) return undefined;
  const deductions = deductionsOf(card);
  const lost = deductions.rule.length > 0 ? deductions.rule : deductions.reported;
  const [first, ...rest] = [...lost].sort((a, b) => b.lost - a.lost);
  if (first === undefined) return undefined;
  const others =
    rest.length === 0
      ? ""
      : `另外，${rest
          .slice(0, 3)
          .map((d) => `“${d.name}”失${fmt(d.lost)}分`)
          .join("、")}${rest.length > 3 ? `等${rest.length}项` : ""}也要说明。`;
  return `您在“${first.name}”上失${fmt(first.lost)}分，原因是什么？准备怎样改进？${others}这些失分就是本部分要写的问题。如确实没有问题，请回复“确认没有问题”（检查报告时仍会列出这一项）。`;
}

/** One line per problem of a section text: the checks' findings (warn and error) and the copies. */
function concernLines(id: SectionId, text: string, ctx: ReviewContext): string[] {
  const findings =
    ctx.report === null || ctx.card === null
      ? []
      : checkSectionAnswer(id, text, ctx.report, ctx.card).filter(
          (f) =>
            f.severity !== "info" && f.code !== "narrative.contradiction" && f.code !== "narrative.empty",
        );
  return [...findings.map((f) => f.message), ...ctx.copies.map(copyLine)];
}

function copyLine(c: CopyHit): string {
  const source = `${c.agency}${c.year === null ? "" : `${c.year}年度`}的报告`;
  return `有${c.length}字与${source}相同：“${c.quote}”（来源原文：“${c.sourceQuote}”）。请按本单位的实际情况改写。`;
}

/**
 * What is wrong with a narrative answer as it arrives: generic stock phrases, another agency's name
 * or functions, a paragraph repeated from another section, a passage found in another agency's
 * report. Undefined when nothing is; otherwise the text of a confirmation the officer can answer
 * with a rewrite or 确认 (the finding then stays on the report).
 */
export function narrativeConcerns(id: SectionId, text: string, ctx: ReviewContext): string | undefined {
  const lines = concernLines(id, text, ctx);
  if (lines.length === 0) return undefined;
  return `这一段可能有问题：\n${lines.map((l) => `- ${l}`).join("\n")}\n要修改，请直接发送改好的内容；坚持按原文保存，请回复“确认”（检查报告时仍会列出这些问题）。`;
}

/**
 * Notices about the narrative sections of a paste, checked against the draft as it would be after
 * the paste (each section against the others), shown with the confirmation table.
 */
export function pastedSectionNotices(ids: readonly SectionId[], ctx: ReviewContext): string[] {
  const report = ctx.report;
  if (report === null) return ctx.copies.map(copyLine);
  const notes: string[] = [];
  for (const id of new Set(ids)) {
    const section = report.narrative.find((s) => s.id === id);
    if (section === undefined) continue;
    const others = { ...report, narrative: report.narrative.filter((s) => s.id !== id) };
    for (const line of concernLines(id, section.text, { ...ctx, report: others, copies: [] }))
      notes.push(`“${section.title}”：${line}`);
  }
  return [...notes, ...ctx.copies.map(copyLine)];
}
