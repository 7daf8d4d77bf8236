import { fail, ok, type Result } from "../core/result.ts";
import { parseChineseNumeral } from "../numbers/index.ts";
import { denominatorWords, derivedRateNamed } from "./derived-rates.ts";
import { indicatorRefs } from "./draft-access.ts";
import { showValue } from "./fact-changes.ts";
import { ALL_FIELDS, GLOBAL_FIELDS, type NamedField, SUBJECTS } from "./field-catalog.ts";
import { readValue } from "./field-values.ts";
import { INDICATOR_COLUMNS, indicatorValue } from "./indicator-slots.ts";
import { changeTo, getIn, type Json } from "./patch.ts";
import type { Proposal } from "./slot-types.ts";

/** Finds the field an officer names in a correction ("预算执行数", "三公经费实际支出", "填表人"). */
export function findField(name: string): NamedField | undefined {
  const n = name
    .replace(/^(把|将)/, "")
    .replace(/[“”"]/g, "")
    .trim();
  // A field's own label names it exactly ("财政性资金预算执行率"); the subject words below would
  // otherwise find "执行" inside it and pick the subject's 执行数.
  const labelled = ALL_FIELDS.find((f) => f.label === n);
  if (labelled !== undefined) return labelled;
  for (const subject of SUBJECTS.slice(1)) {
    if (!subject.words.test(n)) continue;
    const rest = n.replace(subject.words, "").replace(/^的/, "");
    // The field whose own matching word is longest: "预算执行率" is 执行率, not 执行数 by "执行".
    const hit = subject.fields
      .map((f) => ({
        f,
        len: Math.max(0, ...f.aliases.filter((a) => rest.includes(a)).map((a) => a.length)),
      }))
      .filter((x) => x.len > 0)
      .sort((a, b) => b.len - a.len)[0]?.f;
    if (hit !== undefined) return hit;
  }
  const exact = ALL_FIELDS.find((f) => f.label === n || f.aliases.includes(n));
  if (exact !== undefined) return exact;
  const candidates = [...(SUBJECTS[0]?.fields ?? []), ...GLOBAL_FIELDS];
  return candidates
    .flatMap((f) => f.aliases.filter((a) => n.includes(a)).map((a) => ({ f, a })))
    .sort((x, y) => y.a.length - x.a.length)[0]?.f;
}

/** "把预算执行数改成545.06": the change, reading a bare amount as 万元 when the field already is in 万元. */
export function correctField(doc: Json, target: string, value: string): Result<Proposal> {
  const field = findField(target);
  const name = target
    .replace(/^(把|将)/, "")
    .replace(/[“”"]/g, "")
    .trim();
  // "把资金到位率改成98%": an indicator of that name takes it as its 实际完成值.
  const indicator = field === undefined ? indicatorRefs(doc).find((r) => r.name === name) : undefined;
  if (indicator !== undefined) return editIndicator(doc, String(indicator.n), "实际完成值", value);
  const rate = field === undefined ? derivedRateNamed(name) : undefined;
  if (rate !== undefined)
    return fail(
      "correct.derived_rate",
      `${rate.label}由${rate.numerator.label}和${denominatorWords(rate)}算出，不能直接修改。请改这两个数字，例如：把${rate.numerator.label}改成318.91万元`,
    );
  if (field === undefined)
    return fail(
      "correct.unknown_field",
      `没有找到要修改的项目“${target}”。请写明项目名称，例如：把预算执行数改成545.06万元，或 第3个指标的实际值是98%`,
    );
  const before = getIn(doc, field.path);
  const assumeWan = field.type === "money" && (before === undefined || String(before).endsWith("万元"));
  const read = readValue(field, value, assumeWan);
  if (!read.ok) return read;
  const change = changeTo(doc, field.path, read.value.value);
  if (change === null)
    return ok({ changes: [], summary: `${field.label}本来就是 ${showValue(before)}，未改动`, notes: [] });
  return ok({
    changes: [change],
    summary: `${field.label}：${showValue(before)} → ${showValue(read.value.value)}`,
    notes: read.value.note === undefined ? [] : [read.value.note],
  });
}

function toNumber(ref: string): number | undefined {
  const ascii = ref.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const n = parseChineseNumeral(ref);
  return n.ok ? n.value.value : undefined;
}

/** "第3个指标的实际值是98%", "辖区居民满意的得分改成5". */
export function editIndicator(doc: Json, ref: string, columnWord: string, value: string): Result<Proposal> {
  const refs = indicatorRefs(doc);
  if (refs.length === 0) return fail("correct.no_indicators", "还没有绩效指标。请先粘贴绩效指标表。");
  const column = INDICATOR_COLUMNS.find((c) => c.words.test(columnWord.trim()));
  if (column === undefined)
    return fail(
      "correct.unknown_column",
      `指标没有“${columnWord}”这一项。可以修改：${INDICATOR_COLUMNS.map((c) => c.label).join("、")}，例如：第3个指标的实际值是98%`,
    );
  const n = toNumber(ref);
  let hit = n === undefined ? undefined : refs[n - 1];
  if (n !== undefined && hit === undefined)
    return fail(
      "correct.no_such_indicator",
      `没有第${n}个指标：共有 ${refs.length} 个三级指标。例如：第3个指标的实际值是98%`,
    );
  if (hit === undefined) {
    const named = refs.filter((r) => r.name === ref.trim());
    const loose =
      named.length > 0 ? named : refs.filter((r) => r.name.includes(ref.trim()) || ref.includes(r.name));
    if (loose.length > 1)
      return fail(
        "correct.ambiguous_indicator",
        `有 ${loose.length} 个指标叫“${ref}”（第${loose.map((r) => r.n).join("、")}个）。请用序号，例如：第${loose[0]?.n ?? 1}个指标的${column.label}是${column.example}`,
      );
    hit = loose[0];
  }
  if (hit === undefined)
    return fail("correct.no_such_indicator", `没有找到指标“${ref}”。回复“还差什么”可以看到指标序号。`);
  const read = indicatorValue(hit, column.key, value);
  if (!read.ok) return read;
  const change = changeTo(doc, [...hit.path, column.key], read.value);
  const before = hit.row[column.key];
  return ok({
    changes: change === null ? [] : [change],
    summary: `第${hit.n}个指标“${hit.name}”的${column.label}：${showValue(before)} → ${showValue(read.value)}`,
    notes: [],
  });
}
