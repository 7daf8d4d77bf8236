import { fail, ok, type Result } from "../core/result.ts";
import { parseAmount, parsePercent } from "../numbers/index.ts";
import { round } from "../scoring/rounding.ts";
import { indicatorRefs } from "./draft-access.ts";
import { showValue } from "./fact-changes.ts";
import { ALL_FIELDS } from "./field-catalog.ts";
import { readValue } from "./field-values.ts";
import { applyChanges, type Change, getIn, type Json, type Path } from "./patch.ts";
import type { Proposal } from "./slot-types.ts";

/**
 * A value that cannot (or almost never can) be right, found in a change before it is saved: the
 * chat shows it and asks 确认 / 取消 / 改成….
 */
export interface ValueQuery {
  path: Path;
  label: string;
  /** The question shown with 确认 / 取消. */
  text: string;
}

/**
 * Shares that cannot pass 100%: 到位率, 合格率, 覆盖率, 满意度, 知晓率, 利用率, 使用率, 结转结余率,
 * 占比 / 比例 / 比重. 完成率 and 增长率 may (over-achievement, growth) and are not listed.
 */
const SHARE =
  /到位率|及时率|合格率|达标率|覆盖率|满意度|满意率|知晓率|利用率|使用率|完好率|正确率|准确率|通过率|入库率|结转结余率|占比|比例|比重/;
/**
 * 执行率 (预算, 政府采购) and the 三公经费 控制率 pass 100% when carried-over or added funds are
 * spent: possible but rare, so only above this is it asked about (the same bound as 执行数 far
 * above the budget, see `surprise`), and only while no figures check it: with them, the rate is
 * saved as the report states it and the budget checks explain the difference (a report's own
 * wrong 控制率 180% is a finding, not something to refuse).
 */
const RARE_RATE = 120;
const FUNDS_BASE: ReadonlyArray<[string, Path]> = [
  ["计划投入资金", ["budget", "funds", "planned"]],
  ["调整后预算数", ["budget", "adjusted"]],
  ["年初预算数", ["budget", "initial"]],
];
const FOOTER = "回复“确认”照此保存，“取消”放弃，或直接写正确的值，例如";

const key = (path: Path) => path.join(".");
const LABELS = new Map(ALL_FIELDS.map((f) => [key(f.path), f]));

function wan(doc: Json, path: Path): number | undefined {
  const value = getIn(doc, path);
  if (typeof value !== "string") return undefined;
  const a = parseAmount(value);
  return a.ok ? a.value.wan : undefined;
}

function percentAt(doc: Json, path: Path): number | undefined {
  const value = getIn(doc, path);
  if (typeof value !== "string") return undefined;
  const p = parsePercent(value);
  return p.ok ? p.value.value : undefined;
}

/** Whether the row holding a stated rate has the two figures the checks compute it from. */
function checkedByFigures(after: Json, row: Path): boolean {
  const has = (k: string) => wan(after, [...row, k]) !== undefined;
  return (has("executed") && (has("adjusted") || has("initial"))) || (has("actual") && has("budget"));
}

/** Whether `changes` touch `path` (set it, or replace something that holds it) and its value moved. */
function touched(before: Json, after: Json, changes: readonly Change[], path: Path): boolean {
  const hit = changes.some((c) => c.path.every((p, i) => i >= path.length || path[i] === p));
  return hit && JSON.stringify(getIn(before, path)) !== JSON.stringify(getIn(after, path));
}

/** The first value of `changes` to ask about before saving, or undefined when all are plausible. */
export function implausibleQuery(before: Json, changes: readonly Change[]): ValueQuery | undefined {
  const after = applyChanges(before, changes);
  const moved = (path: Path) => touched(before, after, changes, path);
  for (const ref of indicatorRefs(after)) {
    const path = [...ref.path, "actual"];
    const value = percentAt(after, path);
    if (value === undefined || !moved(path)) continue;
    const max = SHARE.test(ref.name) ? 100 : /执行率/.test(ref.name) ? RARE_RATE : undefined;
    if (max === undefined || value <= max) continue;
    const label = `第${ref.n}个指标“${ref.name}”的实际完成值`;
    const why = max === 100 ? `“${ref.name}”不会超过100%` : `“${ref.name}”超过${RARE_RATE}%很少见`;
    return {
      path,
      label,
      text: `${label}是 ${showValue(getIn(after, path))}：${why}。请核对。${FOOTER}“改成100%”。`,
    };
  }
  for (const field of ALL_FIELDS) {
    if (field.path[field.path.length - 1] !== "reportedRate" || /staff/.test(key(field.path))) continue;
    const value = percentAt(after, field.path);
    if (value === undefined || !moved(field.path)) continue;
    const max = /carryover/.test(key(field.path)) ? 100 : RARE_RATE;
    if (value <= max || (max === RARE_RATE && checkedByFigures(after, field.path.slice(0, -1)))) continue;
    const why = max === 100 ? "不会超过100%" : `超过${RARE_RATE}%很少见`;
    return {
      path: field.path,
      label: field.label,
      text: `${field.label}是 ${showValue(getIn(after, field.path))}：${why}。请核对。${FOOTER}“改成100%”。`,
    };
  }
  return fundsQuery(after, moved);
}

/** 到位资金 above what was planned (到位率 above 100%), 按时到位 above 到位. */
function fundsQuery(after: Json, moved: (path: Path) => boolean): ValueQuery | undefined {
  const receivedPath = ["budget", "funds", "received"];
  const onTimePath = ["budget", "funds", "receivedOnTime"];
  const received = wan(after, receivedPath);
  const base = FUNDS_BASE.map(([label, path]) => ({ label, path, value: wan(after, path) })).find(
    (b) => b.value !== undefined && b.value > 0,
  );
  if (received !== undefined && base?.value !== undefined && moved(receivedPath) && received > base.value) {
    const rate = round((received / base.value) * 100, 2);
    const text = `实际到位资金 ${showValue(getIn(after, receivedPath))} 是${base.label} ${showValue(getIn(after, base.path))} 的 ${rate}%（资金到位率超过100%）：到位资金一般不会多于${base.label}。请核对单位和数字。${FOOTER}“改成${showValue(getIn(after, base.path))}”。`;
    return { path: receivedPath, label: "实际到位资金", text };
  }
  const onTime = wan(after, onTimePath);
  if (onTime !== undefined && received !== undefined && moved(onTimePath) && onTime > received) {
    const text = `按时到位资金 ${showValue(getIn(after, onTimePath))} 多于实际到位资金 ${showValue(getIn(after, receivedPath))}（到位及时率超过100%），这不可能。请核对。${FOOTER}“改成${showValue(getIn(after, receivedPath))}”。`;
    return { path: onTimePath, label: "按时到位资金", text };
  }
  return undefined;
}

/**
 * "改成100%" while a queried value waits for 确认: the waiting changes with the queried value
 * replaced, read as that field reads it; null when `text` is not such an answer or nothing was queried.
 */
export function amendQueried(
  before: Json,
  pending: { summary: string; changes: readonly Change[] },
  text: string,
): Result<Proposal> | null {
  const m = text.trim().match(/^(?:请)?(?:改成|改为|更正为|应为|应该是)\s*[:：]?\s*(.+?)[。！!]?$/);
  if (m?.[1] === undefined) return null;
  const query = implausibleQuery(before, pending.changes);
  if (query === undefined) return null;
  const field = LABELS.get(key(query.path));
  let value: Json;
  if (field !== undefined) {
    const read = readValue(field, m[1], false);
    if (!read.ok) return read;
    value = read.value.value;
  } else {
    const p = parsePercent(m[1]);
    if (!p.ok) return fail("answer.percent", `${query.label}应为百分比，例如：100%`, query.label);
    value = p.value.text.replace(/\s+/g, "");
  }
  const after = applyChanges(before, pending.changes);
  const old = showValue(getIn(after, query.path));
  const changes = pending.changes.filter((c) => key(c.path) !== key(query.path));
  const replaced: Change = { path: query.path, after: value };
  const was = getIn(applyChanges(before, changes), query.path);
  if (was !== undefined) replaced.before = was;
  const at = pending.summary.lastIndexOf(old);
  const summary =
    at < 0
      ? `${pending.summary}；${query.label}：${showValue(value)}`
      : `${pending.summary.slice(0, at)}${showValue(value)}${pending.summary.slice(at + old.length)}`;
  return ok({ changes: [...changes, replaced], summary, notes: [] });
}
