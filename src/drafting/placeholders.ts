import { fail, ok, type Result } from "../core/result.ts";
import type { FactSheet } from "./draft-types.ts";

/** `[[key]]`, also with spaces inside (`[[ budget.executed ]]`) or full-width brackets (`【【key】】`). */
const PLACEHOLDER = /(?:\[\[|【【)([^[\]【】\n]*)(?:\]\]|】】)/g;

/** The keys of the placeholders in `text`, in order of first appearance, each once. */
export function placeholderKeys(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? "").trim()))];
}

function listed(keys: readonly string[]): string {
  return keys.map((k) => `[[${k}]]`).join("、");
}

/**
 * Puts each fact's printed figure where the text has `[[key]]`, and lists the keys used. Fails
 * naming every bad key: `placeholder.unknown` when a key is not in the sheet (the model invented
 * or misspelt it), else `placeholder.missing` when a key names a figure the report lacks (the
 * text must say it is missing instead).
 */
export function fillPlaceholders(text: string, sheet: FactSheet): Result<{ text: string; used: string[] }> {
  const byKey = new Map(sheet.facts.map((f) => [f.key, f]));
  const keys = placeholderKeys(text);
  const absent = keys.filter((k) => !byKey.has(k));
  const missingKeys = new Set(sheet.missing.map((m) => m.key));
  const missing = absent.filter((k) => missingKeys.has(k));
  const unknown = absent.filter((k) => !missingKeys.has(k));
  if (unknown.length > 0) {
    return fail(
      "placeholder.unknown",
      `占位符${listed(unknown)}不在事实表中：只能使用事实表列出的key，例如[[budget.executed]]；表中没有的数字写“报告未提供”`,
      unknown[0],
    );
  }
  if (missing.length > 0) {
    const labels = sheet.missing.filter((m) => missing.includes(m.key)).map((m) => m.label);
    return fail(
      "placeholder.missing",
      `占位符${listed(missing)}对应的数据报告中没有（${labels.join("、")}）：不要引用该数字，请写明报告未提供该数据`,
      missing[0],
    );
  }
  const filled = text.replace(PLACEHOLDER, (_, key: string) => byKey.get(key.trim())?.text ?? "");
  return ok({ text: filled, used: keys });
}
