import type { FactHit } from "./facts.ts";
import type { Change, Json } from "./patch.ts";
import { applyChanges, changeTo } from "./patch.ts";

/** Shows a stored value the way the officer wrote it ("department" → 部门整体). */
export function showValue(value: Json | undefined): string {
  if (value === "department") return "部门整体";
  if (value === "project") return "项目支出";
  if (value === undefined || value === null) return "（空）";
  if (typeof value === "string") return value.length > 40 ? `${value.slice(0, 38)}…` : value;
  if (Array.isArray(value)) return `${value.length} 项`;
  return typeof value === "object" ? "…" : String(value);
}

/** The changes and the "已记录" lines for a list of facts; later facts on the same field win. */
export function changesForFacts(
  doc: Json,
  hits: readonly FactHit[],
): { changes: Change[]; lines: string[]; notes: string[] } {
  const changes: Change[] = [];
  const lines: string[] = [];
  const notes: string[] = [];
  let current = doc;
  for (const hit of hits) {
    const change = changeTo(current, hit.field.path, hit.value);
    if (change === null) continue;
    changes.push(change);
    current = applyChanges(current, [change]);
    lines.push(`${labelFor(current, hit.field.label)}：${showValue(hit.value)}`);
    if (hit.note !== undefined) notes.push(hit.note);
  }
  return { changes, lines, notes };
}

/** A project's goals are its 年度总体目标 (a department's 年度履职目标). */
function labelFor(doc: Json, label: string): string {
  const project = typeof doc === "object" && doc !== null && !Array.isArray(doc) && doc.kind === "project";
  return project && label === "年度履职目标" ? "年度总体目标" : label;
}
