import type { Finding } from "../core/finding.ts";
import {
  compact,
  paragraphsOf,
  type SectionRef,
  sectionFinding,
  sectionName,
  stripNumbering,
} from "./section-text.ts";

/** Shortest paragraph (letters, digits and CJK only) that counts as a repeat. */
const MIN_DUPLICATE_LENGTH = 30;

interface Paragraph {
  ref: SectionRef;
  text: string;
  key: string;
}

function paragraphs(ref: SectionRef): Paragraph[] {
  return paragraphsOf(ref.text)
    .map((text) => ({ ref, text: stripNumbering(text), key: compact(stripNumbering(text)) }))
    .filter((p) => p.key.length >= MIN_DUPLICATE_LENGTH);
}

/** The repeated text when one paragraph equals or contains the other, else undefined. */
function repeated(a: Paragraph, b: Paragraph): Paragraph | undefined {
  if (a.key === b.key || b.key.includes(a.key)) return a;
  return a.key.includes(b.key) ? b : undefined;
}

/** The finding at `here`, naming `other` as the other place. */
function duplicateFinding(here: Paragraph, other: Paragraph, shorter: Paragraph): Finding {
  const places =
    here.ref.path === other.ref.path
      ? `在${sectionName(here.ref)}中出现了两次`
      : `在${sectionName(other.ref)}和${sectionName(here.ref)}中重复出现`;
  return sectionFinding(
    "narrative.duplicate",
    "warn",
    here.ref,
    shorter.text,
    `同一段文字${places}：“${shorter.text.slice(0, 30)}…”。请删去重复的一处，或按本部分的要求改写为不同的内容。`,
  );
}

/**
 * narrative.duplicate: the same paragraph (list number, spaces and punctuation ignored, at least
 * 30 characters) twice in one report, or one paragraph repeated inside another. Reported once per
 * repeating paragraph, at the later place, naming both places. With `only`, reports just the
 * repeats that involve that section (an answer being checked), at that section.
 */
export function checkDuplicate(refs: readonly SectionRef[], only?: SectionRef): Finding[] {
  const all = refs.flatMap(paragraphs);
  const findings: Finding[] = [];
  const reported = new Set<Paragraph>();
  all.forEach((second, j) => {
    // Indexed, not all.slice(0, j): a copy per paragraph made the pass quadratic in memory too.
    for (let i = 0; i < j; i++) {
      const first = all[i] as Paragraph;
      if (only && first.ref !== only && second.ref !== only) continue;
      const shorter = repeated(first, second);
      if (shorter === undefined || reported.has(second)) continue;
      reported.add(second);
      const answerFirst = only !== undefined && first.ref === only && second.ref !== only;
      findings.push(
        answerFirst ? duplicateFinding(first, second, shorter) : duplicateFinding(second, first, shorter),
      );
    }
  });
  return findings;
}
