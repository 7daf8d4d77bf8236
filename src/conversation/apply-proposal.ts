import { type Report, ReportSchema } from "../core/report.ts";
import { reportFieldLabel } from "../core/report-field-label.ts";
import { fail, ok, type Result } from "../core/result.ts";
import "../core/validation.ts";
import type { ChangeSet, EngineState } from "./conversation-state.ts";
import { UNDO_DEPTH } from "./conversation-state.ts";
import type { Effect } from "./effects.ts";
import { ALL_FIELDS } from "./field-catalog.ts";
import { applyChanges, type Change, type Json } from "./patch.ts";

/** The draft must stay a valid partial report after every change: kind, unit and year may still be missing. */
const DraftSchema = ReportSchema.partial().extend({ unit: ReportSchema.shape.unit.partial().optional() });

const LABELS = new Map(ALL_FIELDS.map((f) => [f.path.join("."), f.label]));

/**
 * Checks the draft after `changes`; the Chinese message names each field as the officer knows it
 * (the question's label, else the field as the report names it), never by its path in the model.
 * `parse` may read it as a full report first (the turn's memo): a full report is a valid draft.
 */
export function checkDraft(doc: Json, parse?: (doc: Json) => Report | null): Result<Json> {
  if (parse !== undefined && parse(doc) !== null) return ok(doc);
  const parsed = DraftSchema.safeParse(doc);
  if (parsed.success) return ok(doc);
  const lines = parsed.error.issues.map((issue) => {
    const known = LABELS.get(issue.path.join("."));
    const label = known === undefined ? reportFieldLabel(issue.path, doc) : `“${known}”`;
    return `  - ${label}：${issue.message}`;
  });
  return fail("answer.invalid", `这个回答没有保存：\n${[...new Set(lines)].join("\n")}`);
}

/**
 * Accepts a change set: applies it to the draft, pushes it on the undo stack and records it as an
 * event. Returns an error (state untouched) when the draft would become invalid.
 */
export function accept(
  state: EngineState,
  set: ChangeSet,
  kind: string,
  parse?: (doc: Json) => Report | null,
): Result<{ state: EngineState; effects: Effect[] }> {
  const reportId = state.conversation.reportId;
  if (state.report === null || reportId === null) return fail("answer.no_report", "还没有打开报告。");
  if (set.changes.length === 0) return ok({ state, effects: [] });
  const doc = applyChanges(state.report, set.changes);
  const checked = checkDraft(doc, parse);
  if (!checked.ok) return checked;
  const undo = [...state.conversation.undo, { summary: set.summary, changes: set.changes as Change[] }].slice(
    -UNDO_DEPTH,
  );
  return ok({
    state: { report: doc, conversation: { ...state.conversation, undo, pending: null } },
    effects: [{ type: "record", reportId, kind, summary: set.summary, changes: set.changes as Change[] }],
  });
}
