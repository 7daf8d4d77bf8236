import { checkReport } from "../checks/check-report.ts";
import type { PassageMatch } from "../checks/copy/copy-search.ts";
import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { applyDraft } from "../drafting/apply-draft.ts";
import type { PromptTexts } from "../drafting/build-prompt.ts";
import { draftDeterministic } from "../drafting/deterministic-drafter.ts";
import type { Draft, DraftInput, TemplateFamily } from "../drafting/draft-types.ts";
import { collectFacts } from "../drafting/facts.ts";
import { draftWithLlm } from "../drafting/llm-drafter.ts";
import type { LlmCallRecord, LlmPort } from "../drafting/llm-port.ts";
import { buildReportView, familyIdFor } from "../rendering/build-view.ts";
import type { DraftBlock } from "../rendering/draft-blocks.ts";
import { renderDocx } from "../rendering/render-docx.ts";
import { renderDraft } from "../rendering/render-markdown.ts";
import type { ReportView } from "../rendering/report-view.ts";
import { chartSvg } from "../rendering/score-chart.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { score } from "../scoring/score.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import { chartPng, systemCjkFonts } from "./chart-png.ts";
import { sha256Hex } from "./sha256-hex.ts";
import type { LoadedFamily } from "./template-files.ts";

/** The model, its prompts and where its calls are recorded: present only when an LLM is configured. */
export interface DraftLlm {
  port: LlmPort;
  prompts: PromptTexts;
  record?: (call: LlmCallRecord) => Promise<unknown>;
  /** All model calls of one draft together end by then (LLM_DRAFT_DEADLINE_MS); none: no overall limit. */
  deadlineMs?: number;
}

/** What drafting needs from the shell: template families, the optional model, the corpus, a clock. */
export interface DraftEnv {
  families: ReadonlyMap<string, LoadedFamily>;
  llm?: DraftLlm;
  /** Passages of a report found in other agencies' reports (the deployment's corpus), when there is one. */
  searchCopies?: (report: Report) => PassageMatch[];
  now: () => Date;
}

/** Options of one draft. */
export interface DraftOptions {
  reportId?: string;
  /** The officer's free notes for the drafter (data, never instructions). */
  notes?: string;
  /** false: redraft every narrative section, the officer's text serving as notes. */
  keepOfficerText?: boolean;
}

/** A drafted report: what was delivered and everything needed to explain it. */
export interface DraftedReport {
  /** The report with its narrative replaced by the draft. */
  report: Report;
  card: ScoreCard;
  draft: Draft;
  /** The checker's findings on the drafted report (listed at the end of the Markdown and in the chat). */
  findings: Finding[];
  view: ReportView;
  markdown: string;
  /** The blocks the Markdown was written from; Word is built from them. */
  blocks: DraftBlock[];
  /** The score chart as SVG (rasterised only for Word), and whether a CJK font was found to draw its labels. */
  chart: { svg: string; fontFound: boolean };
  /** The model calls made (empty with the deterministic drafter). */
  calls: LlmCallRecord[];
}

function drafterLabel(draft: Draft, llm: DraftLlm | undefined): string {
  const byLlm = draft.sections.filter((s) => s.by === "llm").length;
  const byRules = draft.sections.filter((s) => s.by === "deterministic").length;
  if (llm === undefined) return "确定性起草（未配置模型）";
  const stopped = draft.stopped === undefined ? "" : `；${draft.stopped}`;
  if (byLlm === 0)
    return draft.stopped === undefined
      ? `确定性起草（模型 ${llm.port.model} 的稿件未通过核验或调用失败）`
      : `确定性起草（${draft.stopped}）`;
  return byRules === 0
    ? `模型 ${llm.port.model} 起草，数字由事实填入并经核验`
    : `模型 ${llm.port.model} 起草 ${byLlm} 节，确定性起草 ${byRules} 节${stopped}`;
}

/**
 * Whether a finding's narrative section is one the template prints from the figures (综合评价结论:
 * drafted false, not drafted by anyone): the officer's old text there ("最终得分为96分") is kept in the
 * data but not printed, so a total claimed in it is not the draft's.
 */
function printedFromFigures(path: string, report: Report, family: TemplateFamily): boolean {
  const index = /^narrative\[(\d+)\]$/.exec(path)?.[1];
  const id = index === undefined ? undefined : report.narrative[Number(index)]?.id;
  return family.sections.some((s) => s.id === id && !s.drafted);
}

/**
 * Drafts a report: score it, collect its facts, draft the narrative (the model when one is
 * configured, else or on failure the deterministic drafter), check the drafted report, and render
 * Markdown through the family's template. Word is rendered on demand by `draftDocx`.
 */
export async function draftReport(
  report: Report,
  scheme: Scheme,
  env: DraftEnv,
  options: DraftOptions = {},
): Promise<Result<DraftedReport>> {
  const familyId = familyIdFor(scheme, report);
  const loaded = env.families.get(familyId);
  if (loaded === undefined)
    return fail(
      "template.missing",
      `没有找到报告模板“${familyId}”（评分方案 ${scheme.id} 指定）。templates/ 下应有 ${familyId}.json 和对应的 .hbs 文件。`,
    );
  const card = score(report, scheme);
  const before = checkReport(report, card, env.searchCopies?.(report) ?? []);
  const input: DraftInput = {
    report,
    card,
    sheet: collectFacts(report, card),
    family: loaded.family,
    findings: before,
    ...(options.notes === undefined ? {} : { notes: options.notes }),
    ...(options.keepOfficerText === undefined ? {} : { keepOfficerText: options.keepOfficerText }),
  };
  let draft: Draft;
  let calls: LlmCallRecord[] = [];
  if (env.llm === undefined) draft = draftDeterministic(input);
  else {
    const result = await draftWithLlm(input, {
      llm: env.llm.port,
      prompts: env.llm.prompts,
      now: env.now,
      hash: sha256Hex,
      ...(env.llm.record === undefined ? {} : { record: env.llm.record }),
      ...(env.llm.deadlineMs === undefined ? {} : { deadlineMs: env.llm.deadlineMs }),
      ...(options.reportId === undefined ? {} : { reportId: options.reportId }),
    });
    calls = result.calls;
    draft = { sections: result.sections, missing: result.missing };
    if (result.stopped !== undefined) draft.stopped = result.stopped;
  }
  const drafted = applyDraft(report, draft, loaded.family, card);
  // Scored again: the drafted report states the rules' total where the officer stated none.
  const findings = checkReport(drafted, score(drafted, scheme), env.searchCopies?.(drafted) ?? []).filter(
    (f) => !(f.code === "score.narrative_total" && printedFromFigures(f.where.path, drafted, loaded.family)),
  );
  const view = buildReportView({
    report: drafted,
    card,
    draft,
    findings,
    family: loaded.family,
    drafter: drafterLabel(draft, env.llm),
  });
  const { markdown, blocks } = renderDraft(view, loaded);
  const chart = { svg: chartSvg(view.chart), fontFound: systemCjkFonts().length > 0 };
  return ok({ report: drafted, card, draft, findings, view, markdown, blocks, chart, calls });
}

/**
 * The Word document of a drafted report. The chart is rasterised here, not in `draftReport`: resvg
 * parses the CJK font files on every render (about 0.25 s), which a Markdown-only draft should not pay.
 */
export function draftDocx(drafted: DraftedReport, now: Date): Promise<Uint8Array> {
  return renderDocx(drafted.blocks, drafted.view, { chartPng: chartPng(drafted.chart.svg).png, now });
}
