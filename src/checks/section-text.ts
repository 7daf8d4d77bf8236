import type { Finding, Severity } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { SECTION_TITLES, type SectionId } from "../core/sections.ts";

/** A narrative section as the text checks see it: where it is, how the report titled it, its text. */
export interface SectionRef {
  id: SectionId;
  title: string;
  text: string;
  /** `narrative[3]` for a section of the report, `narrative.problems` for an answer not yet saved. */
  path: string;
}

/** The report's narrative sections, each with its path `narrative[i]`. */
export function narrativeRefs(report: Report): SectionRef[] {
  return report.narrative.map((s, i) => ({
    id: s.id,
    title: s.title,
    text: s.text,
    path: `narrative[${i}]`,
  }));
}

/** An answer for section `id`: placed where the report has that section, else at `narrative.<id>`. */
export function answerRef(id: SectionId, text: string, report: Report): SectionRef {
  const i = report.narrative.findIndex((s) => s.id === id);
  const existing = report.narrative[i];
  return existing
    ? { id, title: existing.title, text, path: `narrative[${i}]` }
    : { id, title: SECTION_TITLES[id], text, path: `narrative.${id}` };
}

/** The section's title in Chinese quotes, for messages: “五、发现的主要问题和改进措施”. */
export function sectionName(ref: SectionRef): string {
  return `“${ref.title.trim() || SECTION_TITLES[ref.id]}”`;
}

/** One line of at most `max` characters (spaces collapsed), cut with "…". */
export function clip(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** A quote of at most `max` characters around text[start, end), within its clause where possible. */
export function quoteAround(text: string, start: number, end: number, max = 60): string {
  const before = text.slice(0, start);
  const clauseStart = Math.max(...["，", ",", "。", "；", ";", "\n"].map((p) => before.lastIndexOf(p))) + 1;
  const after = text.slice(end).search(/[，,。；;\n]/);
  const clauseEnd = after < 0 ? text.length : end + after;
  const from = Math.max(clauseStart, end - max + 1);
  return clip(text.slice(from, Math.min(clauseEnd, from + max + 10)), max);
}

/** NFKC, no whitespace: "561.5 万元" → "561.5万元", "（一）" → "(一)". */
export function tight(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/** Only letters, digits and CJK: what text comparisons and phrase coverage work on. */
export function compact(text: string): string {
  return tight(text).replace(/[^\p{L}\p{N}]/gu, "");
}

const NUMBERING =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|[①-⑳]|[一二三四五六七八九十]是)\s*/;

/** A paragraph without its list number: "（一）加强…" → "加强…", "2.年初…" → "年初…". */
export function stripNumbering(paragraph: string): string {
  return paragraph.replace(NUMBERING, "");
}

/** The text without list markers anywhere: "（一）", "(2)", "①", and "一是" / "2." / "三、" opening a sentence. */
export function withoutListMarkers(text: string): string {
  return text
    .replace(/[（(][一二三四五六七八九十\d]{1,3}[)）]|[①-⑳]/g, "")
    .replace(
      /(^|[。；;：:\n])\s*(?:[一二三四五六七八九十]是|\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、)/g,
      "$1",
    );
}

/** Paragraphs (blank-line or line separated), trimmed, non-empty. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Sentences with their offsets, split after 。！？；; and at line breaks. */
export function sentencesOf(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^。！？；;\n]+[。！？；;]?/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim() !== "") out.push({ text: m[0], start: m.index });
  }
  return out;
}

/** Builds a finding about a section, quoting at most 60 characters. */
export function sectionFinding(
  code: string,
  severity: Severity,
  ref: SectionRef,
  quote: string,
  message: string,
  extra: Pick<Finding, "expected" | "actual"> = {},
): Finding {
  const where =
    quote.trim() === ""
      ? { path: ref.path, label: ref.title }
      : { path: ref.path, label: ref.title, quote: clip(quote) };
  return { code, severity, where, message, ...extra };
}

/** Whether an answer says nothing: "无", "暂无。", "/", "——" or blank. */
export function isEmptyAnswer(text: string, emptyAnswers: readonly string[]): boolean {
  const t = tight(text).replace(/[。.；;！!]+$/u, "");
  return emptyAnswers.includes(t);
}
