import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import type { ScoreCard } from "../scoring/score-card.ts";
import type { FactSheet } from "./draft-types.ts";
import { supportingFact } from "./grounding.ts";
import { findNumberMentions } from "./number-mentions.ts";
import { hasPending, PENDING_PATTERN } from "./pending.ts";
import { findingClause } from "./report-data-issues.ts";
import { plainName } from "./section-kit.ts";

/** What a draft's sentences may come from: the report as the officer gave it, its score card, facts and findings. */
export interface SourceContext {
  report: Report;
  card: ScoreCard;
  sheet: FactSheet;
  findings: readonly Finding[];
}

/** One sentence of a draft and what it comes from ("fact:budget.rate", "name:block:投入", "待补充", …). */
export interface SourcedSentence {
  sentence: string;
  sources: string[];
}

/** Sources that name what a sentence is about without being a fact of it: the year alone is not a source. */
const WEAK = new Set(["fact:year", "fact:year.previous", "fact:year.next"]);

/** Lines that introduce the list or table after them and state nothing themselves: "…如下：", "…见下表。". */
const CONNECTIVE = /(如下：|见下表。)$/u;

const compact = (text: string) => text.replace(/[\s“”"'‘’「」，,。；;：:、（）()]/gu, "");

/** The report's own words: narrative sections, goals, reasons and statuses, compacted. */
function officerTexts(report: Report): { where: string; text: string }[] {
  const rows = report.indicators.flatMap((b) => b.groups.flatMap((g) => g.indicators));
  return [
    ...report.narrative.map((s) => ({ where: `officer:${s.id}`, text: s.text })),
    { where: "officer:goals.text", text: report.goals.text ?? "" },
    { where: "officer:goals.status", text: report.goals.status ?? "" },
    ...rows.map((r) => ({ where: `officer:deviation:${r.name}`, text: r.deviationReason ?? "" })),
    ...report.tasks.map((t) => ({ where: `officer:task:${t.name}`, text: t.status ?? "" })),
  ]
    .filter((o) => o.text.trim() !== "")
    .map((o) => ({ where: o.where, text: compact(o.text) }));
}

/** Names the report and its card give, by the source they stand for. */
function names(ctx: SourceContext): Map<string, string> {
  const out = new Map<string, string>();
  const put = (name: string | undefined, source: string) => {
    const n = name?.trim().replace(/[。．.；;，,、]+$/u, "");
    if (n !== undefined && n !== "" && !out.has(n)) out.set(n, source);
  };
  put(ctx.report.project, "name:project");
  for (const b of ctx.card.blocks) {
    put(b.name, `name:block:${b.name}`);
    for (const r of b.indicators) {
      put(r.name, `name:indicator:${r.name}`);
      if (r.kind === "budget") put(r.label, `name:indicator:${r.name}`);
    }
  }
  for (const b of ctx.report.indicators) {
    put(b.name, `name:block:${b.name}`);
    for (const g of b.groups) {
      put(g.name, `name:group:${g.name}`);
      for (const i of g.indicators) {
        put(i.name, `name:indicator:${i.name}`);
        if (i.target?.kind === "qualitative") put(i.target.text, `name:target:${i.name}`);
      }
    }
  }
  for (const t of ctx.report.tasks) put(plainName(t.name), `name:task:${plainName(t.name)}`);
  for (const d of ctx.card.derived) put(d.name, `name:indicator:${d.name}`);
  put(ctx.card.grade, "grade");
  put(ctx.card.reported.grade, "grade.reported");
  return out;
}

/** The sources of one sentence (markers removed first; "待补充" when it had one). */
function sourcesOf(sentence: string, ctx: SourceContext): string[] {
  const sources = new Set<string>();
  if (hasPending(sentence)) sources.add("待补充");
  const text = sentence.replace(PENDING_PATTERN, "");
  if (CONNECTIVE.test(text.trim())) sources.add("connective");
  for (const m of findNumberMentions(text)) {
    const fact = supportingFact(m, ctx.sheet);
    if (fact !== undefined) sources.add(`fact:${fact.key}`);
  }
  const known = names(ctx);
  for (const [, quotedName] of text.matchAll(/“([^”]+)”/gu)) {
    const source = quotedName === undefined ? undefined : known.get(quotedName.trim());
    if (source !== undefined) sources.add(source);
  }
  // Names that carry their own quotes (“三公经费”控制率) are found as written.
  for (const [name, source] of known) if (name.includes("“") && text.includes(name)) sources.add(source);
  for (const name of [ctx.card.schemeName]) if (text.includes(name)) sources.add("scheme");
  for (const m of ctx.sheet.missing) if (text.includes(m.label)) sources.add(`missing:${m.key}`);
  for (const f of ctx.findings) {
    const clause = findingClause(f.code, "")?.replace(/^的/u, "");
    if (clause !== undefined && clause !== "" && text.includes(clause)) sources.add(`finding:${f.code}`);
  }
  // The officer's words may follow a label the draft puts before them ("年度总体目标：…").
  const body = compact(text.replace(/^[^：“”]{1,8}：/u, ""));
  if (!/[\p{Script=Han}0-9]/u.test(body)) {
    if (!sources.has("待补充")) sources.add("punctuation");
  } else {
    for (const o of officerTexts(ctx.report)) if (o.text.includes(body)) sources.add(o.where);
  }
  return [...sources];
}

/** Whether a sentence's sources include one that states something (not only the year). */
export function isSourced(sources: readonly string[]): boolean {
  return sources.some((s) => !WEAK.has(s));
}

/**
 * The sentences of a drafted Markdown body (headings, tables, HTML comments and the appendices
 * 附：… left out), each with its sources. A sentence is sourced when it cites a fact of the sheet,
 * names something the report or its card names (a block, an indicator, the project, the grade),
 * states the scheme, a missing figure or a finding's clause, quotes the officer, or is a
 * 〔待补充〕 marker. Pure.
 */
export function sentenceSources(markdown: string, ctx: SourceContext): SourcedSentence[] {
  const body = markdown.split(/^## 附：/mu)[0] ?? "";
  const prose = body
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/<table>[\s\S]*?<\/table>/gu, "")
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\s*(#|\||<)/u.test(line));
  return prose.flatMap((line) => {
    // The official form's own footnote (注：1.自评采取打分评价的形式…) is printed as the form has it.
    const note = /^\s*注[：:]/u.test(line);
    return (line.match(/[^。！？]+[。！？]?/gu) ?? [])
      .map((s) => s.trim())
      .filter((s) => s !== "" && !/^[。！？]$/u.test(s))
      .map((sentence) => ({ sentence, sources: note ? ["form-note"] : sourcesOf(sentence, ctx) }));
  });
}
