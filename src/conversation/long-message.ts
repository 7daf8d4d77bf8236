import { fail, type Result } from "../core/result.ts";
import { showValue } from "./fact-changes.ts";
import { ALL_FIELDS } from "./field-catalog.ts";
import type { Change } from "./patch.ts";
import type { Proposal } from "./slot-types.ts";

/** A message longer than this is a pasted passage, not a typed answer. */
const LONG_MESSAGE = 200;
/** Several lines this long together are a pasted passage ("1. …\n2. …" of a few words is typed). */
const LONG_LINES = 80;

/** Whether a message is a pasted passage: one long line, two or three lines of some length, or more lines. */
function isLongMessage(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "").length;
  return text.length > LONG_MESSAGE || (lines >= 2 && text.length > LONG_LINES) || lines >= 4;
}

function fieldOf(change: Change): { label: string; example: string } {
  const key = change.path.join(".");
  return ALL_FIELDS.find((f) => f.path.join(".") === key) ?? { label: key, example: "" };
}

/**
 * What a long or multi-line message would save is shown for 确认 first, never saved at once: a
 * section pasted where a figure was asked may hold many figures. A field the passage gives several
 * different values for ("项目批复资金 12 万元 … 2.5 万元" read as 预算执行数 23 times) is not taken
 * at all, and the officer is told which one to state; if nothing else is left the message is refused.
 * A long message that could not be read says so as a whole, not only by the clause that failed. Short
 * answers, empty proposals and proposals that already ask to confirm pass unchanged.
 */
export function holdLongAnswer(text: string, proposal: Result<Proposal>): Result<Proposal> {
  if (!isLongMessage(text)) return proposal;
  if (!proposal.ok)
    return fail(
      proposal.error.code,
      `这段较长的文字（${text.length} 字）没有保存：${proposal.error.message.replace(text, `${text.slice(0, 20)}…`)}\n如果这是报告正文，请连同章节标题一起粘贴（例如“三、绩效目标完成情况分析”）；数字请单独说明，例如“年初预算561.41万，调整后561.41万，执行545.06万”。`,
      proposal.error.path,
    );
  const p = proposal.value;
  if (p.changes.length === 0 || p.confirm !== undefined) return proposal;
  const values = new Map<string, string[]>();
  for (const change of p.changes) {
    const key = JSON.stringify(change.path);
    const shown = showValue(change.after);
    const seen = values.get(key) ?? [];
    if (!seen.includes(shown)) seen.push(shown);
    values.set(key, seen);
  }
  const repeated = new Set([...values].filter(([, v]) => v.length > 1).map(([k]) => k));
  const kept = p.changes.filter((c) => !repeated.has(JSON.stringify(c.path)));
  const notes = [...repeated].map((key) => {
    const change = p.changes.find((c) => JSON.stringify(c.path) === key);
    const { label, example } = change === undefined ? { label: key, example: "" } : fieldOf(change);
    const seen = values.get(key) ?? [];
    const listed = `${seen.slice(0, 3).join("、")}${seen.length > 3 ? "…" : ""}`;
    return `这段文字里“${label}”有 ${seen.length} 个不同的数（${listed}），不知道哪一个是要填的，没有保存；请单独说明，例如“${label}${example}”。`;
  });
  if (kept.length === 0) return fail("answer.ambiguous", notes.join("\n"));
  const summary =
    repeated.size === 0
      ? p.summary
      : kept.map((c) => `${fieldOf(c).label}：${showValue(c.after)}`).join("；");
  const told = [...p.notes, ...notes];
  return {
    ok: true,
    value: {
      changes: kept,
      summary,
      notes: told,
      confirm: `这条消息较长（${text.length} 字），保存前请核对将要保存的内容：\n${summary.split("；").join("\n")}${
        told.length > 0 ? `\n${told.join("\n")}` : ""
      }\n正确吗？回复“确认”保存，“取消”放弃。`,
    },
  };
}
