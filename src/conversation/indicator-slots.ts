import { fail, ok, type Result } from "../core/result.ts";
import { parseTargetText } from "../core/target.ts";
import { parsePercent, readValue } from "../numbers/index.ts";
import { type IndicatorRef, indicatorRefs } from "./draft-access.ts";
import { changeTo, type Json } from "./patch.ts";
import type { Proposal, Slot, SlotContext } from "./slot-types.ts";

/** The columns of an indicator row the officer can set by name or number. */
export const INDICATOR_COLUMNS: ReadonlyArray<{
  key: string;
  label: string;
  words: RegExp;
  example: string;
}> = [
  { key: "target", label: "指标值", words: /^(指标值|目标值|目标)$/, example: "≥99%" },
  { key: "actual", label: "实际完成值", words: /^(实际完成值|实际值|完成值|实际)$/, example: "98%" },
  { key: "unit", label: "度量单位", words: /^(度量单位|计量单位|单位)$/, example: "%" },
  { key: "weight", label: "分值", words: /^(分值|权重)$/, example: "5" },
  { key: "score", label: "得分", words: /^得分$/, example: "4" },
  {
    key: "deviationReason",
    label: "未完成原因",
    words: /^(未完成原因分析|未完成原因|偏差原因|原因)$/,
    example: "设备到货延迟，已督促供应商",
  },
];

/** Reads `text` as the `column` of indicator `ref`, checking it against the row's target. */
export function indicatorValue(ref: IndicatorRef, column: string, text: string): Result<Json> {
  const t = text.trim();
  const col = INDICATOR_COLUMNS.find((c) => c.key === column);
  const label = `第${ref.n}个指标“${ref.name}”的${col?.label ?? column}`;
  if (t === "") return fail("answer.empty", `${label}不能为空，例如：${col?.example ?? ""}`, label);
  if (column === "weight" || column === "score") {
    const n = Number(t.replace(/分$/, ""));
    if (!Number.isFinite(n) || n < 0 || n > 100)
      return fail("answer.points", `${label}应为 0 到 100 之间的数字，例如：${col?.example ?? ""}`, label);
    return ok(n);
  }
  const read = column === "target" || column === "actual" ? readValue(t) : undefined;
  if (read?.kind === "unreadable") return fail("answer.unreadable", `${label}：${read.message}`, label);
  if (column === "target") {
    const target = parseTargetText(t);
    if (target.kind === "quantitative" && target.value < 0)
      return fail("answer.negative", `${label}不能为负数，例如：≥99%`, label);
    return ok(t);
  }
  if (column === "actual") {
    const target = typeof ref.row.target === "string" ? parseTargetText(ref.row.target) : undefined;
    if (target?.kind === "quantitative" && target.unit === "%" && !parsePercent(t).ok && !/[^\d.%]/.test(t))
      return fail(
        "answer.percent",
        `${label}应为百分比（指标值是 ${String(ref.row.target)}），例如：98%`,
        label,
      );
  }
  return ok(t);
}

function columnSlot(
  ctx: SlotContext,
  ref: IndicatorRef,
  column: "target" | "actual" | "deviationReason",
  question: string,
): Slot {
  const col = INDICATOR_COLUMNS.find((c) => c.key === column);
  return {
    key: `${column}:${ref.n}`,
    field: `第${ref.n}个指标“${ref.name}”的${col?.label ?? column}`,
    question,
    example: col?.example ?? "",
    filled: typeof ref.row[column] === "string" && ref.row[column] !== "",
    answer(text): Result<Proposal> {
      const value = indicatorValue(ref, column, text);
      if (!value.ok) return value;
      const change = changeTo(ctx.doc, [...ref.path, column], value.value);
      return ok({
        changes: change === null ? [] : [change],
        summary: `“${ref.name}”${col?.label ?? ""}：${text.trim()}`,
        notes: [],
      });
    },
  };
}

/**
 * Per-indicator questions (filled or not, so progress counts them): a missing target, the actual value, and the reason for every
 * indicator the rules score below its 分值 (未完成原因分析).
 */
export function indicatorSlots(ctx: SlotContext): Slot[] {
  const refs = indicatorRefs(ctx.doc);
  const slots: Slot[] = [];
  for (const ref of refs) {
    if (ref.row.target === undefined)
      slots.push(columnSlot(ctx, ref, "target", `第${ref.n}个指标“${ref.name}”的指标值（年初目标）是多少？`));
  }
  for (const ref of refs) {
    const target = ref.row.target === undefined ? "" : `（指标值 ${targetText(ref.row.target)}）`;
    slots.push(columnSlot(ctx, ref, "actual", `第${ref.n}个指标“${ref.name}”${target}的实际完成值是多少？`));
  }
  const unmet = new Set(
    (ctx.card?.blocks ?? [])
      .flatMap((b) => b.indicators)
      .filter((i) => i.kind !== "budget" && i.lossKind === "rule" && i.lost > 0)
      .map((i) => i.path),
  );
  for (const ref of refs) {
    const path = `indicators[${ref.path[1]}].groups[${ref.path[3]}].indicators[${ref.path[5]}]`;
    if (unmet.has(path))
      slots.push(
        columnSlot(
          ctx,
          ref,
          "deviationReason",
          `“${ref.name}”没有达到指标值（${targetText(ref.row.target)}，实际 ${String(ref.row.actual)}），原因是什么？准备怎样改进？`,
        ),
      );
  }
  return slots;
}

/** A target as the officer wrote it (a string, or the `text` of the object form). */
export function targetText(target: Json | undefined): string {
  if (typeof target === "object" && target !== null && !Array.isArray(target))
    return String(target.text ?? "");
  return String(target ?? "");
}
