import type { Money, Percent } from "../core/quantities.ts";
import { orPending } from "../drafting/pending.ts";
import { fmt, samePoints, statesValue } from "../scoring/rounding.ts";
import type { ViewCell } from "./report-view.ts";

/**
 * How a score is printed in a draft: the rules' score, and when the officer reported another one,
 * that one in brackets, e.g. "9.71（原填9）". The draft follows the rules; the bracket keeps the
 * officer's figure visible so the change can be checked against 附：核查发现.
 */
export function scoreText(points: number, reported: number | undefined): string {
  const rules = fmt(points);
  return reported === undefined || samePoints(points, reported) ? rules : `${rules}（原填${fmt(reported)}）`;
}

/** Unit every amount of a table is printed in: 元 when the report wrote all of them in 元 (seed 003), else 万元. */
export type TableUnit = "元" | "万元";

/** The unit for a table holding these amounts (see TableUnit). */
export function tableUnit(amounts: ReadonlyArray<Money | undefined>): TableUnit {
  const present = amounts.filter((a): a is Money => a !== undefined);
  return present.length > 0 && present.every((a) => a.unit === "元") ? "元" : "万元";
}

/** An amount in the table's unit without the unit: "561.41", "6,272,512.00"; "—" when absent. */
export function moneyText(amount: Money | undefined, unit: TableUnit): string {
  if (amount === undefined) return "—";
  if (unit === "万元") return fmt(amount.wan, 4);
  return amount.value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * A rate computed as executed ÷ base, e.g. "97.09%"; "不适用" for 0/0. When the report stated a rate
 * that is not this one at its own precision, it follows in brackets: "177.36%（原填100.00%）".
 * Without both figures the stated rate is printed as written, or "—".
 */
export function rateText(
  executed: Money | undefined,
  base: Money | undefined,
  reported: Percent | undefined,
): string {
  if (executed === undefined || base === undefined) return reported?.text ?? "—";
  if (base.wan === 0) {
    const text = executed.wan === 0 ? "不适用" : "无法计算（预算数为0）";
    return reported === undefined ? text : `${text}（原填${reported.text}）`;
  }
  return percentText((executed.wan / base.wan) * 100, reported);
}

/** A percentage computed by us, with the reported one in brackets when it differs (see rateText). */
export function percentText(computed: number, reported: Percent | undefined): string {
  const text = `${fmt(computed, 2)}%`;
  if (reported === undefined || statesValue(computed, reported.value, reported.decimals)) return text;
  return `${text}（原填${reported.text}）`;
}

/** A bold header cell. */
export function th(text: string, span: Pick<ViewCell, "rowSpan" | "colSpan"> = {}): ViewCell {
  return { text, bold: true, align: "center", ...spans(span) };
}

/** A body cell. */
export function td(text: string, span: Pick<ViewCell, "rowSpan" | "colSpan" | "align"> = {}): ViewCell {
  return { text, ...spans(span), ...(span.align === undefined ? {} : { align: span.align }) };
}

/** A right-aligned number cell. */
export function num(text: string, span: Pick<ViewCell, "colSpan"> = {}): ViewCell {
  return { text, align: "right", ...spans(span) };
}

function spans(span: Pick<ViewCell, "rowSpan" | "colSpan">): Pick<ViewCell, "rowSpan" | "colSpan"> {
  return {
    ...(span.rowSpan !== undefined && span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
    ...(span.colSpan !== undefined && span.colSpan > 1 ? { colSpan: span.colSpan } : {}),
  };
}

/**
 * Text of an optional field, or 〔待补充：what〕 so a table never shows a silent gap (nor a "未填写"
 * that blames the officer for a field never asked) where a figure belongs.
 */
export function orUnfilled(text: string | undefined, what: string): string {
  return orPending(text, what);
}
