import type { Money, Percent } from "../core/quantities.ts";
import { fmt, round } from "../scoring/rounding.ts";
import type { Fact, FactUnit } from "./draft-types.ts";

/**
 * Small constructors for facts, one per kind of figure, so every fact of a kind is printed the
 * same way: amounts in 万元 to the 元 (4 decimals, no trailing zeros), rates and points to 2
 * decimals. Each returns a list (empty when the figure is absent) so callers can spread them.
 */

/** An amount in 万元; `wan` undefined gives no fact. */
export function wanFact(key: string, label: string, wan: number | undefined, derived = false): Fact[] {
  if (wan === undefined || !Number.isFinite(wan)) return [];
  const value = round(wan, 6);
  return [{ key, label, value, unit: "万元", text: `${fmt(value, 4)}万元`, derived }];
}

/** An amount as the report states it, normalised to 万元. */
export function moneyFact(key: string, label: string, money: Money | undefined): Fact[] {
  return wanFact(key, label, money?.wan, false);
}

/** A percentage in percent points, rounded to 2 decimals. */
export function percentFact(key: string, label: string, value: number | undefined, derived = true): Fact[] {
  if (value === undefined || !Number.isFinite(value)) return [];
  const rounded = round(value, 2);
  return [{ key, label, value: rounded, unit: "%", text: `${fmt(rounded, 2)}%`, derived }];
}

/** A percentage as the report states it, printed with the precision it was written with ("98.10%"). */
export function statedPercentFact(key: string, label: string, percent: Percent | undefined): Fact[] {
  if (percent === undefined) return [];
  const decimals = Math.min(Math.max(percent.decimals, 0), 6);
  const text = `${percent.value.toFixed(decimals)}%`;
  return [{ key, label, value: percent.value, unit: "%", text, derived: false }];
}

/** A rate `part ÷ whole × 100` when both are known and the whole is not 0. */
export function ratioFact(
  key: string,
  label: string,
  part: number | undefined,
  whole: number | undefined,
): Fact[] {
  if (part === undefined || whole === undefined || whole === 0) return [];
  return percentFact(key, label, (part / whole) * 100, true);
}

/** Points (分), rounded to 2 decimals. */
export function pointsFact(key: string, label: string, value: number | undefined, derived = true): Fact[] {
  if (value === undefined || !Number.isFinite(value)) return [];
  const rounded = round(value, 2);
  return [{ key, label, value: rounded, unit: "分", text: `${fmt(rounded, 2)}分`, derived }];
}

/** A count or any other figure with a fixed unit; `suffix` is what the text prints after the number. */
export function plainFact(
  key: string,
  label: string,
  value: number | undefined,
  unit: FactUnit,
  options: { derived?: boolean; suffix?: string } = {},
): Fact[] {
  if (value === undefined || !Number.isFinite(value)) return [];
  const rounded = round(value, 4);
  const text = `${fmt(rounded, 4)}${options.suffix ?? unit}`;
  return [{ key, label, value: rounded, unit, text, derived: options.derived ?? false }];
}
