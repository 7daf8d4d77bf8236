import type { Section, SectionId } from "../../core/sections.ts";
import { classifyLines, type DropReason, type LineItem } from "./section-lines.ts";
import {
  addLine,
  closeParagraph,
  emptyParagraphs,
  type Paragraphs,
  paragraphsText,
} from "./section-paragraphs.ts";
import { isSubSection } from "./section-parents.ts";

export type { DropReason } from "./section-lines.ts";

/** A line left out of every section, with its 1-based line number in the input and why. */
export interface DroppedLine {
  line: number;
  text: string;
  reason: DropReason;
}

/** The narrative of a report split by its headings. */
export interface SplitResult {
  /** Sections in document order, titles as the report wrote them. */
  sections: Section[];
  /** Text before the first heading (usually the report's title). */
  preamble: string;
  /** Lines that belong to no section: tables, template guidance, page headers, text under unknown headings. */
  dropped: DroppedLine[];
}

/** Options of `splitSections`. */
export interface SplitOptions {
  /**
   * Every top-level heading (一、 / 第一部分) starts a section, as in the chat, where each section the
   * officer pasted keeps its own heading and text: one that names no known section starts an `other`
   * section under its own title (instead of being dropped or read as text of the section above), and
   * "二、年度主要任务" after "一、部门职责" starts a second section rather than continuing the first.
   */
  eachHeading?: boolean;
}

interface OpenSection {
  id: SectionId;
  title: string;
  level: number;
  text: Paragraphs;
}

/**
 * Whether the heading at `index` only groups the headings under it ("一、基本情况", "四、绩效目标实现
 * 情况分析"): the next line that is kept is a deeper heading naming a section that belongs under it
 * (any section under an unknown heading; the same section, or one of its sub-sections, under a known
 * one). Such a heading starts no section of its own, so its children are the sections, as in the seeds.
 */
function isContainer(items: readonly LineItem[], index: number, level: number, id: SectionId | undefined) {
  const next = items.slice(index + 1).find((item) => item.kind !== "dropped");
  if (next?.kind !== "heading" || next.heading.level <= level || next.id === undefined) return false;
  return id === undefined || id === next.id || isSubSection(id, next.id);
}

/**
 * Splits narrative text (an officer's paste, or a whole report extracted from Word or PDF) into
 * sections by its headings. A heading names a section by keywords (see section-keywords.ts); a
 * heading nested deeper than the open section is part of that section's text unless it names one
 * of its sub-sections; a heading that only groups named headings is skipped; an unknown heading at
 * the open section's level is text of that section, and one above it closes the section (its text
 * is dropped as "unmapped") — unless `eachHeading` asks for a section per top-level heading. Tables,
 * template guidance and page headers are dropped and listed.
 */
export function splitSections(text: string, options: SplitOptions = {}): SplitResult {
  const items = classifyLines(text);
  const sections: Section[] = [];
  const dropped: DroppedLine[] = [];
  const preamble = emptyParagraphs();
  let open: OpenSection | undefined;
  let seenHeading = false;

  const close = () => {
    if (open) sections.push({ id: open.id, title: open.title, text: paragraphsText(open.text) });
    open = undefined;
  };

  for (const [index, item] of items.entries()) {
    if (item.kind === "dropped") {
      dropped.push({ line: item.line, text: item.text, reason: item.reason });
      if (item.reason !== "page-title") closeParagraph(open?.text ?? preamble);
      continue;
    }
    if (item.kind === "text") {
      if (open) addLine(open.text, item.text);
      else if (!seenHeading) addLine(preamble, item.text);
      else dropped.push({ line: item.line, text: item.text, reason: "unmapped" });
      continue;
    }
    seenHeading = true;
    const { heading, id } = item;
    const nested = open !== undefined && heading.level > open.level;
    // A heading naming the open section again ("(一)部门职能概述" then "(一)职能职责") continues it.
    const top = options.eachHeading === true && heading.level <= 1;
    const again =
      open !== undefined &&
      heading.level === open.level &&
      id === open.id &&
      !(top && open.title !== heading.title);
    if (open && ((nested && !(id && isSubSection(open.id, id))) || again)) {
      addLine(open.text, heading.title, true);
    } else if (isContainer(items, index, heading.level, id)) {
      close();
    } else if (id) {
      close();
      open = { id, title: heading.title, level: heading.level, text: emptyParagraphs() };
    } else if (top && (open === undefined || heading.level <= open.level)) {
      close();
      open = { id: "other", title: heading.title, level: heading.level, text: emptyParagraphs() };
    } else if (open && heading.level === open.level) {
      addLine(open.text, heading.title, true);
    } else {
      close();
      dropped.push({ line: item.line, text: heading.title, reason: "unmapped" });
    }
  }
  close();
  return { sections, preamble: paragraphsText(preamble), dropped };
}
