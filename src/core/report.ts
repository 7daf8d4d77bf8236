import { z } from "zod";
import { BudgetSchema, TaskSchema } from "./budget.ts";
import { BlockSchema } from "./indicators.ts";
import { PercentSchema } from "./quantities.ts";
import { SectionSchema } from "./sections.ts";

/** 部门整体 (department-wide) or 项目支出 (a funded project). */
export const ReportKindSchema = z.enum(["department", "project"]);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** 评价等级. */
export const GradeSchema = z.enum(["优", "良", "中", "差"]);
export type Grade = z.infer<typeof GradeSchema>;

/** One row of the 各项指标得分情况表 as reported. */
const SummaryRowSchema = z.object({
  name: z.string(),
  weight: z.number().min(0).optional(),
  score: z.number().min(0).optional(),
  /** 得分率: a share of the row's own points, so never above 100%. */
  rate: PercentSchema.refine(
    (p) => p.value <= 100,
    '得分率不能超过100%（得分率 = 得分 ÷ 分值），例如 "95%"',
  ).optional(),
});

/** What the report itself claims: the block table, its 合计 row, the stated total and grade. */
const SummarySchema = z.object({
  blocks: z.array(SummaryRowSchema).default([]),
  /** The 合计 / 总分 row of the table. */
  totalRow: SummaryRowSchema.optional(),
  /** 自评得分 as stated in the header or the conclusion. */
  total: z.number().min(0).optional(),
  grade: GradeSchema.optional(),
});

/**
 * A 绩效自评报告 as data: what the officer reported, errors included. The scorer and the checks
 * compare it against the rules; nothing here is trusted as computed.
 */
export const ReportSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  kind: ReportKindSchema,
  unit: z.object({
    name: z.string().min(1, "单位名称不能为空"),
    region: z.string().optional(),
    /** 主管部门, for a project report. */
    parent: z.string().optional(),
  }),
  /** 项目名称, for a project report. */
  project: z.string().optional(),
  year: z.number().int().min(2000, "年度应为四位年份，例如 2021").max(2100, "年度应为四位年份，例如 2021"),
  /** Id of the scoring scheme (see `ziping schemes`). */
  schemeId: z.string().optional(),
  /** 一级指标 and their 分值 as the officer stated them ("我来说一级指标和分值"), for scheme `officer-stated`. */
  schemeBlocks: z
    .array(z.object({ name: z.string().min(1), weight: z.number().positive().max(100) }))
    .optional(),
  preparer: z.object({ name: z.string().optional(), phone: z.string().optional() }).optional(),
  goals: z
    .object({
      /** 年度履职目标 / 年度总体目标. */
      text: z.string().optional(),
      /** 年度履职目标完成情况 / 实际完成情况. */
      status: z.string().optional(),
    })
    .default({}),
  tasks: z.array(TaskSchema).default([]),
  budget: BudgetSchema.default({}),
  indicators: z.array(BlockSchema).default([]),
  summary: SummarySchema.default({ blocks: [] }),
  narrative: z.array(SectionSchema).default([]),
  /** Where this report came from (file, seed id); free text for people. */
  source: z.string().optional(),
});
export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
