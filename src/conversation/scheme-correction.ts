import { fail, ok, type Result } from "../core/result.ts";
import type { Scheme } from "../scoring/scheme.ts";
import { STATED_EXAMPLE, STATED_SCHEME_LABEL } from "../scoring/stated-scheme.ts";
import { TABLE_SCHEME_ID, TABLE_SCHEME_NAMES } from "../scoring/table-scheme.ts";
import { textAt } from "./draft-access.ts";
import { changeTo, type Json } from "./patch.ts";
import { schemesForRegion } from "./scheme-choice.ts";
import type { Proposal } from "./slot-types.ts";
import { STATED_PROMPT, statedBlocksAnswer } from "./stated-blocks.ts";

/** Words naming the scoring scheme in a correction ("把评分办法改成…", "换评分方案"). */
export const SCHEME_WORDS = /^(?:评分办法|评分方案|计分办法|评分标准|方案)$/;

/**
 * "把评分办法改成福建" / "…改成按本表结构" / "…改成全国默认": the scheme the words name — an installed
 * scheme by id, name or region, 按本表结构, or the national default — as a change to `schemeId`.
 * An unknown name lists the choices.
 */
export function correctScheme(doc: Json, value: string, schemes: readonly Scheme[]): Result<Proposal> {
  const v = value.trim().replace(/[。！!]$/, "");
  const stated = statedBlocksAnswer(doc, v, true);
  if (stated === "prompt" || /^我(?:来|自己)?说的?$/u.test(v))
    return ok({ changes: [], summary: STATED_PROMPT, notes: [] });
  if (stated !== null) return stated;
  const table = TABLE_SCHEME_NAMES.includes(v) || /本表/.test(v);
  const national = /全国|默认|财预〔?2020〕?10号/.test(v)
    ? schemes.find((s) => s.region === "全国")
    : undefined;
  const named =
    national ??
    schemes.find((s) => s.id === v || s.name === v) ??
    (v.length >= 2 ? schemes.find((s) => s.name.includes(v) || s.region.includes(v)) : undefined);
  const id = table ? TABLE_SCHEME_ID : named?.id;
  const label = table ? "按本表结构（报告自身的一级指标和分值）" : named?.name;
  if (id === undefined || label === undefined)
    return fail("correct.scheme", `没有找到评分办法“${v}”。${schemeChoicesText(doc, schemes)}`, "评分办法");
  const change = changeTo(doc, ["schemeId"], id);
  return ok({
    changes: change === null ? [] : [change],
    summary: change === null ? `评分办法本来就是《${label}》，未改动` : `评分办法：改为《${label}》`,
    notes: [],
  });
}

/** "换评分办法" with no name: the choices for this report's region and kind, and how to say one. */
export function schemeChoicesText(doc: Json, schemes: readonly Scheme[]): string {
  const kind = textAt(doc, ["kind"]);
  const fits = schemesForRegion(textAt(doc, ["unit", "region"]), kind, schemes);
  const options = fits.length > 0 ? fits : schemes.filter((s) => kind === undefined || s.kind === kind);
  return `可以改成：${[...options.map((s) => s.name), "按本表结构", STATED_SCHEME_LABEL].join("、")}，例如：把评分办法改成按本表结构；或直接说一级指标和分值：${STATED_EXAMPLE}`;
}
