import type { z } from "zod";
import { UNNAMED_BLOCK, UNNAMED_GROUP } from "../../core/indicators.ts";
import { type Report, type ReportKind, ReportSchema } from "../../core/report.ts";
import { reportFieldLabel } from "../../core/report-field-label.ts";
import { formatPath } from "../../core/validation.ts";
import type { ReportFragment } from "./report-fragment.ts";

/**
 * Turns what was read from a file into a report model the scorer and the checks can take, whatever
 * was missing or garbled: a reviewer gets every check the data allows instead of a refusal. The
 * unit, year or kind that no line of the file gave is recorded as missing (and stands in the model
 * as a placeholder that no check may read); a value that does not fit the model (a rate above 100%,
 * a negative amount, an indicator row without a name) is taken out and recorded with its place and
 * why, never repaired into another number.
 */

/** The identity fields of a report; without them some checks cannot run. */
export type IdentityField = "unit" | "year" | "kind";

/** A value read from the file that the model could not take, and why. */
export interface DroppedValue {
  /** The field path in the model, for `--json` readers: `indicators[0].groups[1].indicators[2].weight`. */
  path: string;
  /** The field as an officer names it: "绩效指标“产出指标 / 数量指标 / 水标尺宽度”的分值". */
  label: string;
  /** The value as read, as text. */
  value: string;
  /** Why it was not taken (Chinese). */
  reason: string;
}

/** A report completed for checking: the model, what it lacks, and what was taken out of it. */
export interface CompletedReport {
  report: Report;
  /** Identity fields no line of the file gave; their values in `report` are placeholders. */
  missing: IdentityField[];
  /** The kind the checks assumed when the file states none, and on what grounds. */
  assumedKind?: { kind: ReportKind; why: string };
  dropped: DroppedValue[];
}

/**
 * Names the blocks and groups of an indicator table that has no 一级/二级指标 column, so its rows are
 * kept (the model requires names): a table's shape, not a value, so nothing is guessed. Changes
 * `fragment` in place.
 */
export function nameUnnamedLevels(fragment: ReportFragment): void {
  for (const block of fragment.indicators ?? []) {
    if (typeof block.name !== "string" || block.name.trim() === "") block.name = UNNAMED_BLOCK;
    for (const group of block.groups ?? [])
      if (typeof group.name !== "string" || group.name.trim() === "") group.name = UNNAMED_GROUP;
  }
}

/** Stands in for an unread unit name; never shown as the unit. */
export const UNKNOWN_UNIT = "（单位名称未读出）";
/** Stands in for an unread year; never shown as the year. */
export const UNKNOWN_YEAR = 2000;

const MAX_ROUNDS = 40;

/**
 * Completes a fragment into a report. `documentText` is only used to decide which checks a report of
 * unknown kind is checked as (项目支出 when the text speaks of a project more than of a department).
 */
export function completeReport(fragment: ReportFragment, documentText = ""): CompletedReport {
  const copy = structuredClone(fragment);
  nameUnnamedLevels(copy);
  const data = copy as Record<string, unknown>;
  const missing: IdentityField[] = [];
  const unit = (data.unit ?? {}) as Record<string, unknown>;
  if (typeof unit.name !== "string" || unit.name.trim() === "") {
    missing.push("unit");
    data.unit = { ...unit, name: UNKNOWN_UNIT };
  }
  if (typeof data.year !== "number" || !Number.isInteger(data.year) || data.year < 2000 || data.year > 2100) {
    missing.push("year");
    data.year = UNKNOWN_YEAR;
  }
  let assumedKind: CompletedReport["assumedKind"];
  if (data.kind !== "department" && data.kind !== "project") {
    missing.push("kind");
    assumedKind = kindFromText(fragment, documentText);
    data.kind = assumedKind.kind;
  }
  const dropped: DroppedValue[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = ReportSchema.safeParse(data);
    if (parsed.success)
      return { report: parsed.data, missing, ...(assumedKind ? { assumedKind } : {}), dropped };
    // Latest places first, so removing an array element never shifts a place still to be removed.
    const issues = [...parsed.error.issues].sort((a, b) => comparePaths(b.path, a.path));
    for (const issue of issues) dropAt(data, issue, dropped);
  }
  // Unreachable in practice: every round removes at least the value each issue names.
  throw new Error("completeReport: the fragment could not be made valid");
}

/** 项目支出 when the fragment names a project or the text speaks of one more than of a department. */
function kindFromText(fragment: ReportFragment, text: string): { kind: ReportKind; why: string } {
  if (fragment.project !== undefined) return { kind: "project", why: "表中有项目名称" };
  const project = count(text, /项目支出|项目名称|项目资金/g);
  const department = count(text, /部门整体|单位整体|整体支出|机关整体|部门预算/g);
  if (project > department)
    return { kind: "project", why: `文中“项目支出/项目名称/项目资金”出现${project}次` };
  if (department > 0) return { kind: "department", why: `文中“部门整体/整体支出”出现${department}次` };
  return { kind: "department", why: "文中没有说明，按部门整体核查" };
}

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

type Issue = z.core.$ZodIssue;

/** Removes the value an issue names; a required field that is absent takes its row with it. */
function dropAt(data: Record<string, unknown>, issue: Issue, out: DroppedValue[]): void {
  const path = [...issue.path];
  let target = path;
  if (valueAt(data, path) === undefined) {
    const row = lastIndex(path);
    target = row < 0 ? path : path.slice(0, row + 1);
  }
  const value = valueAt(data, target);
  const label = reportFieldLabel(target, data);
  if (!remove(data, target)) return;
  const whole = target.length < path.length;
  out.push({
    path: formatPath(target),
    label,
    value: value === undefined ? "" : whole ? summary(value) : show(value),
    // A row taken out for a missing field says which field; zod's words would be about types.
    reason: whole
      ? `缺少${reportFieldLabel(path.slice(target.length), {}) || "必填项"}，整行未采用`
      : issue.message,
  });
}

function comparePaths(a: readonly PropertyKey[], b: readonly PropertyKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

function lastIndex(path: readonly PropertyKey[]): number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "number") return i;
  return -1;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Deletes a property or splices out an array element; false when there was nothing to remove. */
function remove(data: unknown, path: readonly PropertyKey[]): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const key = path.at(-1);
  if (typeof parent !== "object" || parent === null || key === undefined) return false;
  if (Array.isArray(parent) && typeof key === "number") {
    if (key >= parent.length) return false;
    parent.splice(key, 1);
    return true;
  }
  const record = parent as Record<PropertyKey, unknown>;
  if (!(key in record)) return false;
  delete record[key];
  return true;
}

/** A row as a person recognises it: its name, else its first texts. */
function summary(value: unknown): string {
  if (typeof value !== "object" || value === null) return show(value);
  const texts = Object.values(value)
    .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
    .map(String);
  return texts.slice(0, 4).join(" ") || "（空行）";
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && "text" in value && typeof value.text === "string")
    return value.text;
  return JSON.stringify(value) ?? String(value);
}
