import { z } from "zod";
import type { Finding } from "../core/finding.ts";
import { type Grade, type Report, ReportKindSchema } from "../core/report.ts";
import { type SectionId, SectionIdSchema } from "../core/sections.ts";
import type { ScoreCard } from "../scoring/score-card.ts";

/** Units a figure of the facts sheet can carry; "" for a plain count or ratio without unit. */
export const FACT_UNITS = ["万元", "元", "%", "分", "个百分点", "年", "个", "项", "人", ""] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

/**
 * One figure the draft may cite: a number the report states, or one derived from it (a rate, a
 * difference, points lost, a count). The LLM never writes figures: it writes `[[key]]` and the
 * renderer puts `text` there; the grounding check accepts a number in a draft only when it matches
 * some fact's `value` (after unit conversion and rounding to the precision written).
 */
export interface Fact {
  /** Stable key, also the placeholder name: "budget.executed", "block.output.lost", "indicator.3.actual". */
  key: string;
  /** What the figure is, in Chinese, for the prompt: "预算执行数". */
  label: string;
  value: number;
  unit: FactUnit;
  /** The figure as it is printed in a draft: "545.06万元", "97.09%", "4分". */
  text: string;
  /** true when computed by us (a rate, a difference), false when the report states it. */
  derived: boolean;
}

/** A figure the report should have but does not: the draft says it is missing instead of inventing it. */
export interface MissingFact {
  key: string;
  label: string;
}

/** Every figure a draft may use, and the ones that are missing. */
export interface FactSheet {
  facts: Fact[];
  missing: MissingFact[];
  /** The grade by the rules (not the one the report states): the only grade a draft may claim. */
  grade?: Grade;
}

/** Who wrote a section of the draft. */
export type SectionAuthor = "officer" | "llm" | "deterministic";

/** One narrative section of a draft, figures already filled in. */
export interface DraftedSection {
  id: SectionId;
  text: string;
  by: SectionAuthor;
  /** Why the LLM's text for this section was not used (grounding, schema, call failure), in Chinese. */
  rejected?: string[];
}

/** The narrative of a report as drafted: one entry per drafted section of the template family. */
export interface Draft {
  sections: DraftedSection[];
  /** Figures the report lacks; the draft names them instead of inventing them. */
  missing: MissingFact[];
  /** Why the model was asked nothing more for this draft (a timeout, the deadline spent), in Chinese. */
  stopped?: string;
}

/**
 * A report family's official structure, as data (templates/<id>.json): its Handlebars template and
 * the sections it holds, in order. `drafted` sections are narrative the drafters write; the others
 * are rendered from the figures by the template itself (基本情况 tables, 综合评价结论 …).
 */
export const TemplateFamilySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "id 只能由小写字母、数字和连字符组成，例如 henan-department"),
  name: z.string(),
  kind: ReportKindSchema,
  /** File name of the Handlebars template in templates/, e.g. "henan-department.md.hbs". */
  template: z.string(),
  sections: z.array(
    z.object({
      id: SectionIdSchema,
      /** The heading as the official template prints it: "五、发现的主要问题和改进措施". */
      heading: z.string(),
      drafted: z.boolean(),
    }),
  ),
});
export type TemplateFamily = z.infer<typeof TemplateFamilySchema>;

/**
 * What a drafter gets: the report as the officer gave it, its score card under its scheme, the
 * facts sheet built from both, the family whose drafted sections it writes, the findings of the
 * checker on the report as given, and the officer's free notes (data, never instructions).
 */
export interface DraftInput {
  report: Report;
  card: ScoreCard;
  sheet: FactSheet;
  family: TemplateFamily;
  findings: Finding[];
  notes?: string;
  /**
   * true (default): a drafted section the officer already wrote with substance (no narrative.empty,
   * narrative.generic, narrative.contradiction or copy.* finding on it) is kept as written (by "officer").
   * false: every drafted section is written anew, the officer's text serving as notes.
   */
  keepOfficerText?: boolean;
}
