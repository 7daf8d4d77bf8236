import { z } from "zod";
import { MoneySchema, PercentSchema } from "./quantities.ts";

/** One budget row: 年初预算数 / 调整预算数 (全年预算数) / 预算执行数, and the rate as stated. */
const BudgetRowSchema = z.object({
  initial: MoneySchema.optional(),
  adjusted: MoneySchema.optional(),
  executed: MoneySchema.optional(),
  /** 执行率 as written in the report (checked against the figures, never trusted). */
  reportedRate: PercentSchema.optional(),
});
export type BudgetRow = z.output<typeof BudgetRowSchema>;

/** A pair "budgeted vs actual" (三公经费, 政府采购) with the stated rate. */
const PlannedActualSchema = z.object({
  budget: MoneySchema.optional(),
  actual: MoneySchema.optional(),
  reportedRate: PercentSchema.optional(),
});

/**
 * The 预算情况 of a report: the total row, its 分值 and 得分 when the scheme scores execution,
 * 资金来源 and 资金结构 sub-rows, 三公经费, 政府采购, 结转结余, staffing and 资金到位.
 */
export const BudgetSchema = BudgetRowSchema.extend({
  /** 部门预算总额 as declared in the 绩效目标申报表 at the start of the year, when it differs from the rows above. */
  declaredTotal: MoneySchema.optional(),
  /** 分值 of the 预算执行率 row. */
  weight: z.number().min(0).optional(),
  /** 得分 the officer gave the 预算执行率 row. */
  score: z.number().min(0).optional(),
  sources: z.object({ fiscal: BudgetRowSchema.optional(), other: BudgetRowSchema.optional() }).optional(),
  structure: z.object({ basic: BudgetRowSchema.optional(), project: BudgetRowSchema.optional() }).optional(),
  threePublicExpenses: PlannedActualSchema.optional(),
  procurement: PlannedActualSchema.optional(),
  carryover: z.object({ amount: MoneySchema.optional(), reportedRate: PercentSchema.optional() }).optional(),
  /** 资金到位: planned, received, and received on time (到位及时率 = receivedOnTime / received). */
  funds: z
    .object({
      planned: MoneySchema.optional(),
      received: MoneySchema.optional(),
      receivedOnTime: MoneySchema.optional(),
    })
    .optional(),
  /** 成本: budgeted and actual cost of the project (成本控制率 = actual / budget). */
  cost: z.object({ budget: MoneySchema.optional(), actual: MoneySchema.optional() }).optional(),
  /** 固定资产: total and in use (固定资产利用率 = inUse / total), in 万元. */
  assets: z.object({ total: MoneySchema.optional(), inUse: MoneySchema.optional() }).optional(),
  staff: z
    .object({
      authorized: z.number().int().min(0).optional(),
      actual: z.number().int().min(0).optional(),
      reportedRate: PercentSchema.optional(),
    })
    .optional(),
});
export type Budget = z.output<typeof BudgetSchema>;

/** A 年度主要任务 row. */
export const TaskSchema = z.object({
  name: z.string().min(1, "任务名称不能为空"),
  content: z.string().optional(),
  budget: MoneySchema.optional(),
  fiscal: MoneySchema.optional(),
  status: z.string().optional(),
  executed: MoneySchema.optional(),
  executedFiscal: MoneySchema.optional(),
  reportedRate: PercentSchema.optional(),
});
export type Task = z.output<typeof TaskSchema>;
