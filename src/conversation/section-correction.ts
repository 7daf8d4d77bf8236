import { ok, type Result } from "../core/result.ts";
import { asArray, asObject } from "./draft-access.ts";
import { type NarrativeSlot, narrativeSlotsFor } from "./narrative-slots.ts";
import { changeTo, getIn, type Json } from "./patch.ts";
import type { Proposal } from "./slot-types.ts";

/** Words that name a narrative section in a correction, besides its title. */
const SECTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  process: ["自评工作开展情况", "自评工作的开展情况", "工作开展情况", "自评工作组织"],
  problems_measures: ["问题和改进措施", "问题及改进措施", "主要问题和改进措施"],
  problems: ["存在的问题", "存在的主要问题"],
  measures: ["改进措施", "改进措施和有关建议"],
  application: ["结果应用", "应用和公开", "公开情况", "结果拟应用"],
  experience: ["经验和建议", "经验、问题和建议", "经验及做法", "经验和做法"],
  other: ["其他需要说明", "其他情况"],
};

/** A heading without its number: "六、绩效自评结果拟应用和公开情况" → 绩效自评结果拟应用和公开情况. */
function bare(title: string): string {
  return title.replace(/^[一二三四五六七八九十]+[、.．]\s*/u, "").trim();
}

/** The narrative section of `family` that the words of a correction name, if one does plainly. */
function sectionNamed(target: string, family: string): NarrativeSlot | undefined {
  const t = target
    .replace(/^(把|将)/u, "")
    .replace(/[“”"]/gu, "")
    .trim();
  if (t.length < 4) return undefined;
  const slots = narrativeSlotsFor(family);
  return (
    slots.find((s) => bare(s.title) === t || bare(s.title).includes(t)) ??
    slots.find((s) => (SECTION_WORDS[s.id] ?? []).some((w) => t.includes(w)))
  );
}

/**
 * "把绩效自评结果拟应用和公开情况改成…" / "把自评工作开展情况改成…": the section's text, replaced (or
 * written for the first time: a question put off earlier is answered this way). Null when the words
 * name no narrative section of the report's template family.
 */
export function correctSection(
  doc: Json,
  target: string,
  value: string,
  family: string,
): Result<Proposal> | null {
  const slot = sectionNamed(target, family);
  if (slot === undefined) return null;
  const text = value.trim();
  const sections = asArray(getIn(doc, ["narrative"]));
  const at = sections.findIndex((s) => asObject(s).id === slot.id);
  const title = at >= 0 ? String(asObject(sections[at]).title ?? slot.title) : slot.title;
  const after = [...sections.filter((_, i) => i !== at), { id: slot.id, title, text }];
  const change = changeTo(doc, ["narrative"], after);
  return ok({
    changes: change === null ? [] : [change],
    summary: `${title}：${text.length > 30 ? `${text.slice(0, 30)}…` : text}`,
    notes: [],
  });
}
