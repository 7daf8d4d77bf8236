import type { Finding } from "../core/finding.ts";
import type { Report } from "../core/report.ts";
import { statesValue } from "../scoring/rounding.ts";
import {
  type Quantity,
  type RowQuantity,
  rowQuantities,
  type TextQuantity,
  textQuantities,
} from "./quantity-mentions.ts";
import { type SectionRef, sectionFinding, sectionName } from "./section-text.ts";

/** Rates and counts too general to name one thing in the text ("指标完成率", "满意度"): compared only with a table row. */
const GENERIC =
  /^(?:指标|总体|整体|综合)?(?:完成|合格|达标|覆盖|满意|知晓|使用|执行|到位|及时|准确|受益|验收合格|兑现|发放|支付|办结|回复)?(?:率|度)$/u;

/** How many more characters a text's thing may have than the row's name and still be the same thing. */
const MAX_EXTRA = 3;

/**
 * Whether two keys name the same thing, whatever the word order: every character of the shorter is in
 * the longer ("外网信件办理" and "办理外网信件", "满意率" and "群众满意率"), a short key (3 characters)
 * only as a run ("满意度" in "服务对象满意度"), and the longer has at most `MAX_EXTRA` characters more
 * (so "省级部门视频会议" is a part, not "视频会议").
 */
export function sameThing(a: string, b: string): boolean {
  const [short, long] = [...a].length <= [...b].length ? [a, b] : [b, a];
  const s = [...short];
  const l = [...long];
  if (s.length < 3 || l.length - s.length > MAX_EXTRA) return false;
  if (s.length === 3) return long.includes(short);
  const pool = [...l];
  for (const ch of s) {
    const at = pool.indexOf(ch);
    if (at < 0) return false;
    pool.splice(at, 1);
  }
  return true;
}

/** Whether two statements of one quantity agree, each at its own precision. */
function agree(a: Quantity, b: Quantity): boolean {
  return statesValue(a.value, b.value, b.decimals) || statesValue(b.value, a.value, a.decimals);
}

function shown(q: Quantity): string {
  return q.written;
}

function againstRow(t: TextQuantity, row: RowQuantity): Finding {
  return sectionFinding(
    "value.conflict",
    "warn",
    t.ref,
    t.clause,
    `${sectionName(t.ref)}写“${t.clause}”，即${shown(t)}；绩效指标表“${row.label}”的实际完成值是${shown(row)}。同一数量两处不一致（${shown(t)} ≠ ${shown(row)}），请按原始资料改成一致。`,
    { expected: row.written, actual: t.written },
  );
}

function againstText(t: TextQuantity, first: TextQuantity): Finding {
  const where = first.ref.path === t.ref.path ? "同一部分前文" : sectionName(first.ref);
  return sectionFinding(
    "value.conflict",
    "warn",
    t.ref,
    t.clause,
    `${sectionName(t.ref)}写“${t.clause}”，即${shown(t)}；${where}写“${first.clause}”，即${shown(first)}。同一数量两处不一致（${shown(t)} ≠ ${shown(first)}），请按原始资料改成一致。`,
    { expected: first.written, actual: t.written },
  );
}

/** The rows a text figure names: the same thing in the same unit. Several rows of different values are ambiguous. */
function rowFor(t: TextQuantity, rows: readonly RowQuantity[]): RowQuantity | undefined {
  const named = rows.filter((r) => r.unit === t.unit && sameThing(t.key, r.key));
  const first = named[0];
  if (first === undefined) return undefined;
  return named.every((r) => agree(r, first)) ? first : undefined;
}

/**
 * value.conflict for any quantity stated twice with two values: a narrative figure against the indicator
 * row that counts the same thing in the same unit ("保障视频会议162场" vs "视频会议保障场次" 192场;
 * "满意率96.75%" vs 95.75%), else against an earlier narrative figure of the same thing in another
 * sentence. A text figure equal to the row's target is the plan restated, not a conflict. One finding
 * per section and thing.
 */
export function checkQuantities(refs: readonly SectionRef[], report: Report): Finding[] {
  const rows = rowQuantities(report);
  const texts = textQuantities(refs, report);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const once = (t: TextQuantity, key: string, make: () => Finding) => {
    const id = `${t.ref.path}#${key}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(make());
  };
  texts.forEach((t, i) => {
    const row = rowFor(t, rows);
    if (row !== undefined) {
      const isTarget = row.target !== undefined && statesValue(row.target, t.value, t.decimals);
      if (!agree(t, row) && !isTarget) once(t, row.path, () => againstRow(t, row));
      return;
    }
    if (GENERIC.test(t.key) || rows.some((r) => r.unit === t.unit && sameThing(t.key, r.key))) return;
    const first = texts
      .slice(0, i)
      .find(
        (o) =>
          o.unit === t.unit &&
          [...o.key].length === [...t.key].length &&
          sameThing(o.key, t.key) &&
          !(o.ref.path === t.ref.path && o.sentence === t.sentence),
      );
    if (first !== undefined && !agree(first, t)) once(t, `text:${first.key}`, () => againstText(t, first));
  });
  return findings;
}
