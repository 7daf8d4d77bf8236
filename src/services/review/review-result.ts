import { z } from "zod";
import { ReportKindSchema } from "../../core/report.ts";

/**
 * The result of `ziping review`: a batch of report files checked one by one, ranked by what needs a
 * reviewer most, with a per-rule view, the passages copied between the batch's reports, and the facts
 * of the run. It is the one shape every output is made from — the terminal tables, `--json`,
 * review.json, review.xlsx and review.html — so they all show the same findings. Fields are only ever
 * added, never renamed.
 */

const SeveritySchema = z.enum(["error", "warn", "info"]);

/** One finding on a report, as `ziping check --json` gives it, flattened for tables. */
const ReviewFindingSchema = z.object({
  /** Stable code, e.g. "score.total_mismatch" (domain §3). */
  code: z.string(),
  severity: SeveritySchema,
  /** Chinese explanation that says how to fix it. */
  message: z.string(),
  /** Where in the report: a field path into the report model and a human label ("效益指标 / 满意度"). */
  location: z.object({ path: z.string(), label: z.string() }),
  /** The report's own words at that place, or null. */
  quote: z.string().nullable(),
  expected: z.union([z.string(), z.number()]).optional(),
  actual: z.union([z.string(), z.number()]).optional(),
  /** True when the text the finding rests on was read by OCR from a scan, so may be misread. */
  fromOcr: z.boolean(),
});
export type ReviewFinding = z.infer<typeof ReviewFindingSchema>;

/**
 * Where a report sits in the ranking, most in need of a reviewer first. Compared in this order:
 * `tier` ascending (0 = the file could not be read; 1 = the score by the rules cannot be computed or
 * differs from the score or grade the report claims; 2 = the rest; 3 = a duplicate of a report earlier
 * in the batch), then `errors`, `warnings` and `scoreGap` (|claimed − by the rules|, null last)
 * descending, `infos` descending, then file path and report label ascending.
 */
const RankKeySchema = z.object({
  tier: z.number().int().min(0).max(3),
  /** The tier in Chinese, e.g. "无法读取", "得分待核", "一般", "重复". */
  tierLabel: z.string(),
  errors: z.number().int(),
  warnings: z.number().int(),
  scoreGap: z.number().nullable(),
  infos: z.number().int(),
});

/** One report of the batch (a file may hold several: a main report and annexes), or one unreadable file. */
const ReviewEntrySchema = z.object({
  /** 1-based place in the ranking. */
  rank: z.number().int().positive(),
  rankKey: RankKeySchema,
  /** The file as found (the path given, or under the folder given). */
  path: z.string(),
  /** "主报告", an annex title, "报告文件" for JSON; "" for an unreadable file. */
  label: z.string(),
  status: z.enum(["read", "unreadable", "duplicate"]),
  /** For a duplicate: the path and label of the report it repeats, and why it counts as the same. */
  duplicateOf: z
    .object({
      path: z.string(),
      label: z.string(),
      /** "same_bytes": the file is byte for byte another file; "same_report": same unit, year and kind. */
      why: z.enum(["same_bytes", "same_report"]),
    })
    .nullable(),
  /** For an unreadable file: the stable code and the Chinese reason. */
  unreadable: z.object({ code: z.string(), reason: z.string() }).nullable(),
  /** null where the file does not say (or could not be read). */
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: ReportKindSchema.nullable(),
  /** True when the file states no kind and the checks assumed `kind`. */
  kindAssumed: z.boolean(),
  project: z.string().nullable(),
  /** The scoring scheme the checks used and why it was picked; null for an unreadable file. */
  scheme: z.object({ id: z.string(), name: z.string(), reason: z.string() }).nullable(),
  score: z.object({
    /** The total the report claims (自评得分, else its 合计 row). */
    claimed: z.number().nullable(),
    /** The total by the rules; null when it cannot be computed (`withheld` says why). */
    byRules: z.number().nullable(),
    withheld: z.string().nullable(),
  }),
  grade: z.object({ claimed: z.string().nullable(), byRules: z.string().nullable() }),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  /** The most serious finding in a phrase (or the unreadable reason), null when there is nothing. */
  worst: z.string().nullable(),
  /** What could not be read or checked, each a Chinese phrase ("分值、得分与指标完成情况：没有读到绩效指标表"). */
  notRead: z.array(z.string()),
  /** True when the file's text came from OCR of a scan. */
  fromOcr: z.boolean(),
  findings: z.array(ReviewFindingSchema),
});
export type ReviewEntry = z.infer<typeof ReviewEntrySchema>;

/** One rule and how many reports of the batch break it. */
const RuleViewSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  /** Reports with at least one finding of the rule. */
  reports: z.number().int(),
  /** Findings of the rule in all reports. */
  findings: z.number().int(),
  /** The message of the first such finding (in ranking order), as an example. */
  message: z.string(),
  /** The reports, as "path【label】", in ranking order. */
  files: z.array(z.string()),
});

/** One side of a copied passage. */
const CopySideSchema = z.object({
  /** The file (for a corpus document: its source as stored). */
  path: z.string(),
  label: z.string(),
  unit: z.string(),
  year: z.number().int().nullable(),
  quote: z.string(),
  /** Character offsets in the report's narrative text. */
  start: z.number().int(),
  end: z.number().int(),
  /** "batch": a report of this run; "corpus": a document of the --corpus DB. */
  origin: z.enum(["batch", "corpus"]),
});

/** Passages shared between the reports of two agencies. */
const CopyPairSchema = z.object({
  /** The two agencies, in code-point order. */
  agencies: z.tuple([z.string(), z.string()]),
  passages: z.array(
    z.object({
      /** The side of the first agency, then the second. */
      a: CopySideSchema,
      b: CopySideSchema,
      /** Characters of the passage (the longer of the two sides). */
      length: z.number().int(),
    }),
  ),
});
export type CopyPair = z.infer<typeof CopyPairSchema>;

/** A file or folder entry passed over, and why. */
const SkippedSchema = z.object({
  path: z.string(),
  /** "symlink_loop", "link_seen", "over_limit", "not_found", "unreadable_dir". */
  code: z.string(),
  reason: z.string(),
});

/** The facts of the run. */
const RunFactsSchema = z.object({
  /** The folders and files given. */
  inputs: z.array(z.string()),
  startedAt: z.string(),
  seconds: z.number(),
  /** Report files found (.txt/.md/.docx/.xlsx/.pdf/.json), before the limit. */
  filesSeen: z.number().int(),
  filesReviewed: z.number().int(),
  /** Other files under the folders, passed over silently. */
  otherFiles: z.number().int(),
  /** The most files one run reviews; when more were found, the first in path order are reviewed. */
  fileLimit: z.number().int(),
  overLimit: z.boolean(),
  skipped: z.array(SkippedSchema),
  /** The --scheme given, or null. */
  scheme: z.string().nullable(),
  /** The --corpus DB: its path, documents before the run, and how many reports the run added (0 without --add-to-corpus). */
  corpus: z.object({ path: z.string(), size: z.number().int(), added: z.number().int() }).nullable(),
});

/** The whole review result. */
export const ReviewResultSchema = z.object({
  version: z.literal(1),
  run: RunFactsSchema,
  /** The ranked overview: one entry per report (or unreadable file), `rank` ascending. */
  entries: z.array(ReviewEntrySchema),
  /** Rules broken in the batch, most reports first, then code. */
  rules: z.array(RuleViewSchema),
  /** Copied passages, grouped by pair of agencies, most passages first. */
  copies: z.array(CopyPairSchema),
});
export type ReviewResult = z.infer<typeof ReviewResultSchema>;
