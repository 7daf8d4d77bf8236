import type { SectionId } from "../../core/sections.ts";
import { readReportTitle } from "../report/report-title.ts";
import { isGuidance } from "./section-guidance.ts";
import { cleanLine, type Heading, numberingOf, parseHeading } from "./section-headings.ts";
import { sectionIdOf } from "./section-keywords.ts";
import {
  isCellFragment,
  isIndentedCell,
  isMarkdownRow,
  isTableNote,
  isTableTitle,
  isTabRow,
  isUnitLine,
} from "./section-tables.ts";

/**
 * Why a line is not part of any section's text: a table row, title or note; template guidance;
 * a page header or page number; or text under a heading that names no known section.
 */
export type DropReason = "table" | "guidance" | "page-title" | "unmapped";

/** One non-blank line of the input, classified. `line` is 1-based in the input text. */
export type LineItem =
  | { kind: "heading"; line: number; heading: Heading; id: SectionId | undefined }
  | { kind: "text"; line: number; text: string }
  | { kind: "dropped"; line: number; text: string; reason: DropReason };

/** Page numbers as extractors leave them: "3", "- 3 -", "3 / 12", "第3页", "第 3 页 共 12 页". */
const PAGE_NUMBER =
  /^(?:\d{1,3}|[-—–]\s*\d{1,3}\s*[-—–]|\d{1,3}\s*\/\s*\d{1,3}|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)$/;

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** A heading with the section it names; unnumbered (markdown-only) lines count only when they name one. */
function headingOf(
  text: string,
  marked: boolean,
): { heading: Heading; id: SectionId | undefined } | undefined {
  const heading = parseHeading({ text, marked });
  if (!heading) return undefined;
  // "# 全市政务网络…项目支出绩效自评报告" is the report's title, not a 项目支出 section.
  if (!heading.numbered && readReportTitle(text) !== null) return undefined;
  // "二、部门基本支出绩效自评表.xls" names an attached file, not a section.
  if (/\.(?:xlsx?|docx?|pdf|wps)$/iu.test(heading.body)) return undefined;
  const id = sectionIdOf(heading.body);
  return heading.numbered || id ? { heading, id } : undefined;
}

/** A title, then its first sentence on the same line: "二、自评组织情况。我局组成以…". */
const RUN_ON = /^([^。：:]+)[。：:]\s*(\S.*)$/u;

/**
 * A top-level heading written on the same line as its text (Fujian: "二、自评组织情况。我局组成以
 * 项目管理单位…"): taken as heading and text only when the words before the first 。or ：name a
 * known section, so a numbered sentence ("一、加强预算管理。…") stays text.
 */
function inlineHeading(text: string): { heading: Heading; id: SectionId; text: string } | undefined {
  const match = RUN_ON.exec(text);
  const [, title = "", rest = ""] = match ?? [];
  const numbering = numberingOf(title);
  if (match === null || numbering === undefined || numbering.level > 1) return undefined;
  const found = headingOf(title, false);
  if (found?.id === undefined || !found.heading.numbered) return undefined;
  return { heading: found.heading, id: found.id, text: rest };
}

/**
 * Classifies every non-blank line of a report as heading, text or dropped. A table starts at a tab
 * row, a table title or a unit line, and lasts until a heading or a line of prose: inside it, cell
 * fragments, indented cells and notes (with their numbered continuation lines) are dropped too.
 * The report's title line, seen again after the first heading, is a page header.
 */
export function classifyLines(text: string): LineItem[] {
  const items: LineItem[] = [];
  let inTable = false;
  let inNote = false;
  let seenHeading = false;
  let title: string | undefined;
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = index + 1;
    const { text: clean, marked } = cleanLine(raw);
    if (clean === "") continue;
    const drop = (reason: DropReason) => items.push({ kind: "dropped", line, text: clean, reason });
    if (isTabRow(raw) || (inTable && isIndentedCell(raw)) || isMarkdownRow(clean)) {
      [inTable, inNote] = [true, false];
      drop("table");
      continue;
    }
    const heading = headingOf(clean, marked);
    if (inNote && numberingOf(clean)?.level === 3 && heading?.id === undefined) {
      drop("table"); // "2. 定性指标…" continues "注：1. …" unless it names a section
      continue;
    }
    if (heading) {
      [inTable, inNote, seenHeading] = [false, false, true];
      items.push({ kind: "heading", line, ...heading });
      continue;
    }
    const inline = inlineHeading(clean);
    if (inline !== undefined) {
      [inTable, inNote, seenHeading] = [false, false, true];
      items.push({ kind: "heading", line, heading: inline.heading, id: inline.id });
      items.push({ kind: "text", line, text: inline.text });
      continue;
    }
    if (inTable) {
      if (isTableNote(clean)) inNote = true;
      if (isTableNote(clean) || isCellFragment(clean) || isUnitLine(clean)) {
        drop("table");
        continue;
      }
      [inTable, inNote] = [false, false];
    }
    if (isTableTitle(clean) || isUnitLine(clean)) {
      inTable = true;
      drop("table");
    } else if (isGuidance(clean)) {
      drop("guidance");
    } else if (PAGE_NUMBER.test(clean) || (seenHeading && compact(clean) === title)) {
      drop("page-title");
    } else {
      if (!seenHeading && title === undefined) title = compact(clean);
      items.push({ kind: "text", line, text: clean });
    }
  }
  return items;
}
