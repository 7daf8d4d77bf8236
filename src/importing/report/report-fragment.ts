import type { ReportInput } from "../../core/report.ts";

/**
 * The part of a report that pasted tables state: the input form of the report model with every
 * field optional, all the way down. Only what a table says is present (no defaults, no empty lists).
 */

/** `T` with every property optional at every depth; array elements are deep-partial too. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A deep-partial `ReportInput`: what the pasted tables say about a report. */
export type ReportFragment = DeepPartial<ReportInput>;

/** A 年度主要任务 row as read. */
export type TaskFragment = NonNullable<ReportFragment["tasks"]>[number];
/** A 一级指标 block as read; `name` is absent when the table has no 一级指标 column. */
export type BlockFragment = NonNullable<ReportFragment["indicators"]>[number];
/** A 二级指标 group as read; `name` is absent when the table has no 二级指标 column. */
export type GroupFragment = NonNullable<BlockFragment["groups"]>[number];
/** A 三级指标 row as read. */
export type IndicatorFragment = NonNullable<GroupFragment["indicators"]>[number];
/** A row of the 各项指标得分情况表 (or a 总分 row) as read. */
export type SummaryRowFragment = NonNullable<NonNullable<ReportFragment["summary"]>["blocks"]>[number];
/** An indicator target as read: the text as written, or a structured target ("满意度达95%"). */
export type TargetFragment = IndicatorFragment["target"];
