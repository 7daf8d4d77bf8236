import { parseAmount } from "../numbers/index.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { type Change, getIn, type Json } from "./patch.ts";
import { notice, type Reply } from "./replies.ts";
import { cardFor, type Graded } from "./score-answers.ts";

const BUDGET_FINDING = /^(budget|ratio)\./;

/**
 * After the budget changes: the rates ziping derives (执行率, 调整率, 三公经费控制率 …) with their
 * working, and every place where a rate the report states disagrees with them. `grade` scores a
 * draft (the turn's memo, so the drafts are scored once).
 */
export function derivedReplies(
  before: Json | null,
  after: Json | null,
  changes: readonly Change[],
  schemes: readonly Scheme[],
  grade: (doc: Json | null) => Graded = (doc) => cardFor(doc, schemes),
): Reply[] {
  if (!changes.some((c) => c.path[0] === "budget" || c.path[0] === "indicators")) return [];
  const got = grade(after);
  if ("why" in got) return [];
  const old = grade(before);
  const seen = new Set("card" in old ? old.card.findings.map((f) => `${f.code}|${f.where.path}`) : []);
  const replies: Reply[] = [];
  if (changes.some((c) => c.path[0] === "budget")) {
    const known = new Set("card" in old ? old.card.derived.map((d) => d.formula) : []);
    const lines = got.card.derived
      .filter((d) => d.status === "ok" && !known.has(d.formula))
      .map((d) => `${d.name}：${d.formula}`);
    if (lines.length > 0) replies.push(notice("info", `由预算数字算出（无需填写）：\n${lines.join("\n")}`));
  }
  for (const f of got.card.findings) {
    if (!BUDGET_FINDING.test(f.code) || seen.has(`${f.code}|${f.where.path}`)) continue;
    replies.push(notice(f.severity === "error" ? "error" : "warn", `${f.where.label}：${f.message}`));
  }
  return replies;
}

function wan(doc: Json, path: readonly string[]): number | undefined {
  const value = getIn(doc, path);
  if (typeof value !== "string") return undefined;
  const a = parseAmount(value);
  return a.ok ? a.value.wan : undefined;
}

/** A plausible but surprising figure worth a second look before saving (执行数 far above the budget). */
export function surprise(after: Json): string | undefined {
  const executed = wan(after, ["budget", "executed"]);
  const base = wan(after, ["budget", "adjusted"]) ?? wan(after, ["budget", "initial"]);
  if (executed === undefined || base === undefined || base <= 0 || executed <= base * 1.2) return undefined;
  return `预算执行数 ${executed}万元 是预算数 ${base}万元 的 ${Math.round((executed / base) * 100)}%，远超预算。请核对单位（元/万元）和数字。确认保存吗？`;
}
