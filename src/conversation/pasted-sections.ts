import type { Section } from "../core/sections.ts";
import { numberingOf } from "../importing/sections/section-headings.ts";
import { splitSections } from "../importing/sections/sections.ts";
import { asArray, asObject } from "./draft-access.ts";
import { NARRATIVE_SLOTS, narrativeSlotsFor } from "./narrative-slots.ts";
import { getIn, type Json } from "./patch.ts";

/**
 * The narrative sections of a paste, each under the heading the officer pasted. When the paste
 * names at least one known section, its other top-level headings ("二、项目实施情况") keep their
 * text as sections of their own (id `other`, their own title) instead of being dropped or folded
 * into the section above. "（一）存在的问题 … （二）改进措施" pasted alone, for a report whose
 * template has one 问题和改进措施 section, is that section.
 */
export function pastedSections(text: string, family: string): Section[] {
  const plain = splitSections(text).sections;
  if (plain.length === 0) return [];
  const sections = splitSections(text, { eachHeading: true }).sections;
  return joinHalves(sections, narrativeSlotsFor(family));
}

/**
 * 问题 and 改进措施 as the report's template has them: joined into one section when it asks for
 * 问题和改进措施, split by their （一）/（二） sub-headings when it asks for the two apart (Hunan).
 */
function joinHalves(sections: Section[], slots: ReturnType<typeof narrativeSlotsFor>): Section[] {
  const whole = slots.find((s) => s.id === "problems_measures");
  if (whole === undefined) return slots.some((s) => s.id === "problems") ? splitHalves(sections) : sections;
  if (slots.some((s) => s.id === "problems" || s.id === "measures")) return sections;
  if (sections.some((s) => s.id === "problems_measures")) return sections;
  const halves = sections.filter((s) => s.id === "problems" || s.id === "measures");
  if (halves.length === 0) return sections;
  const text = halves.flatMap((s) => [s.title, s.text].filter((t) => t !== "")).join("\n\n");
  const at = sections.indexOf(halves[0] as Section);
  const rest = sections.filter((s) => !halves.includes(s));
  return [...rest.slice(0, at), { id: "problems_measures", title: whole.title, text }, ...rest.slice(at)];
}

function splitHalves(sections: Section[]): Section[] {
  return sections.flatMap((section) => {
    if (section.id !== "problems_measures") return [section];
    const halves = splitSections(section.text).sections;
    const ids = halves.map((h) => h.id).join(",");
    return ids === "problems,measures" ? halves : [section];
  });
}

/** A heading without its number, spaces and closing mark: "五、发现的主要问题和改进措施" → 发现的主要问题和改进措施. */
function body(title: string): string {
  const numbering = numberingOf(title);
  return (numbering === undefined ? title : title.slice(numbering.length)).replace(/[\s。：:.]/g, "");
}

/** Titles the chat gives a typed answer (五、发现的主要问题和改进措施): a paste of that section replaces it. */
const SLOT_TITLES = new Set(
  Object.values(NARRATIVE_SLOTS).flatMap((slots) => slots.map((s) => `${s.id}|${s.title}`)),
);

/**
 * The saved narrative with the pasted sections: a pasted section replaces the saved one it
 * revises — the same section under the same heading, or the chat's typed answer for it — and is
 * added otherwise, so two sections that only share a topic (一、部门职责 and 二、主要任务) are both kept.
 */
export function mergeSections(doc: Json, sections: readonly Section[]): Json[] {
  const saved = asArray(getIn(doc, ["narrative"]));
  const merged: Json[] = [...saved];
  const replaced = new Set<number>();
  for (const section of sections) {
    const at = saved.findIndex((s, i) => {
      const o = asObject(s);
      const title = String(o.title ?? "");
      return (
        !replaced.has(i) &&
        o.id === section.id &&
        (body(title) === body(section.title) || SLOT_TITLES.has(`${section.id}|${title}`))
      );
    });
    const value = { id: section.id, title: section.title, text: section.text };
    if (at >= 0) {
      merged[at] = value;
      replaced.add(at);
    } else merged.push(value);
  }
  return merged;
}
