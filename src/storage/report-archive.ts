import type { Database } from "better-sqlite3";
import { z } from "zod";
import { fail, ok, type Result } from "../core/result.ts";
import { toJson } from "./read-row.ts";
import type { EventRow, ReportRow } from "./row-schemas.ts";
import { Store } from "./store.ts";

/** The `format` field of a whole-report export: what `ziping import-report` reads back. */
export const ARCHIVE_FORMAT = "ziping-report-archive";

const text = z.string();
const nullableText = z.string().nullable();
const isoTime = z.iso.datetime();

/**
 * A whole report as `ziping export <id> --with-events` writes it: the stored document and its
 * listing columns, its members and its event log (the audit trail), so loading it into another
 * database loses nothing.
 */
export const ReportArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  exportedAt: isoTime,
  report: z.object({
    id: text.min(1),
    unitName: nullableText,
    year: z.number().int().nullable(),
    kind: nullableText,
    doc: z.record(z.string(), z.unknown()),
    progressDone: z.number().int().min(0),
    progressTotal: z.number().int().min(0),
    score: z.number().nullable(),
    grade: nullableText,
    createdBy: text.min(1),
    createdAt: isoTime,
    updatedAt: isoTime,
  }),
  members: z.array(z.object({ userId: text.min(1), role: z.enum(["owner", "editor", "viewer"]) })),
  events: z.array(
    z.object({
      seq: z.number().int().min(1),
      userId: text.min(1),
      messageId: nullableText,
      at: isoTime,
      kind: text,
      summary: text,
      changes: z.unknown(),
    }),
  ),
});
/** A whole report with its members and events. */
export type ReportArchive = z.output<typeof ReportArchiveSchema>;

/** The report `id` with its members and events, or undefined when there is no such report. */
export async function exportReportArchive(
  db: Database,
  id: string,
  now: Date,
): Promise<ReportArchive | undefined> {
  const store = new Store(db);
  return store.transaction(async () => {
    const row = await store.getReport(id);
    if (row === undefined) return undefined;
    const members = db
      .prepare("SELECT user_id, role FROM report_members WHERE report_id = ? ORDER BY user_id")
      .all(id) as MemberRow[];
    return archiveOf(row, members, await store.listEvents(id), now);
  });
}

/** A `report_members` row as the archive reads it. */
export interface MemberRow {
  user_id: string;
  role: "owner" | "editor" | "viewer";
}

/** The archive of a stored report, from its row, members and events (both stores build it here). */
export function archiveOf(
  row: ReportRow,
  members: readonly MemberRow[],
  events: readonly EventRow[],
  now: Date,
): ReportArchive {
  return {
    format: ARCHIVE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    report: { ...row, doc: row.doc as Record<string, unknown> },
    members: members.map((m) => ({ userId: m.user_id, role: m.role })),
    events: events.map(({ reportId: _r, ...e }) => e),
  };
}

/** Chinese names of the archive's fields, for a message about a bad file (never a raw path). */
const LABELS: Record<string, string> = {
  format: "文件类型（format）",
  version: "文件版本（version）",
  exportedAt: "导出时间",
  report: "报告",
  members: "成员",
  events: "修改记录",
  id: "编号",
  unitName: "单位名称",
  year: "年度",
  kind: "报告类型",
  doc: "报告内容",
  progressDone: "已完成项数",
  progressTotal: "总项数",
  score: "得分",
  grade: "等级",
  createdBy: "创建人",
  createdAt: "创建时间",
  updatedAt: "更新时间",
  userId: "用户编号",
  role: "角色",
  seq: "序号",
  messageId: "消息编号",
  at: "时间",
  summary: "摘要",
  changes: "改动",
};

function label(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `第 ${p + 1} 条` : (LABELS[String(p)] ?? String(p))))
    .join("的");
}

/**
 * Reads a whole-report export: a Chinese message naming the file and the first fields that are
 * wrong. A plain `ziping export` (the report content alone, no id or events) is told apart.
 */
export function readReportArchive(data: unknown, file: string): Result<ReportArchive> {
  const example = "ziping export r1a2b3c4d --with-events > 报告.json";
  const plain = typeof data === "object" && data !== null && !("format" in data) && !("report" in data);
  if (plain)
    return fail(
      "archive.plain_export",
      `${file} 只有报告内容（ziping export 不加 --with-events 的输出），没有编号和修改记录，不能作为整份报告导入。请用 ${example} 导出后再导入。`,
      file,
    );
  const parsed = ReportArchiveSchema.safeParse(data);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => label(i.path)))].slice(0, 3).join("、");
    return fail(
      "archive.invalid",
      `${file} 不是完整的报告导出：${where}不符合要求。请用 ${example} 导出的文件。`,
      file,
    );
  }
  const seqs = parsed.data.events.map((e) => e.seq);
  if (seqs.some((s, i) => s !== i + 1))
    return fail(
      "archive.event_gap",
      `${file} 的修改记录序号应为 1、2、3……连续排列（读到 ${seqs.slice(0, 6).join("、")}${seqs.length > 6 ? "……" : ""}）：修改记录不完整，未导入。`,
      file,
    );
  return ok(parsed.data);
}

/**
 * Loads a whole report with its members and events in one transaction; the users it names are
 * recorded if new. A report id already in the database is refused (nothing is written): the event
 * log is append-only, so two histories of one report cannot be merged.
 */
export async function importReportArchive(
  db: Database,
  a: ReportArchive,
  now: Date,
): Promise<Result<{ events: number }>> {
  const store = new Store(db);
  return store.transaction(async () => {
    const existing = await store.getReport(a.report.id);
    if (existing !== undefined) return duplicateArchive(a, existing);
    for (const user of archiveUsers(a)) await store.ensureUser(user, undefined, now);
    const r = a.report;
    db.prepare(`
      INSERT INTO reports (id, unit_name, year, kind, doc, progress_done, progress_total, score, grade,
        created_by, created_at, updated_at)
      VALUES (@id, @unitName, @year, @kind, @doc, @progressDone, @progressTotal, @score, @grade,
        @createdBy, @createdAt, @updatedAt)`).run({
      ...r,
      unitName: r.unitName === null ? null : r.unitName.trim(),
      doc: toJson(r.doc, "reports", "doc"),
    });
    for (const m of a.members) await store.addMember(r.id, m.userId, m.role);
    const insertEvent = db.prepare(`
      INSERT INTO events (report_id, seq, user_id, message_id, at, kind, summary, changes)
      VALUES (@reportId, @seq, @userId, @messageId, @at, @kind, @summary, @changes)`);
    for (const e of a.events)
      insertEvent.run({ ...e, reportId: r.id, changes: toJson(e.changes ?? null, "events", "changes") });
    return ok({ events: a.events.length });
  });
}

/** The refusal of an archive whose report id is already stored: nothing is written. */
export function duplicateArchive(a: ReportArchive, existing: ReportRow): Result<{ events: number }> {
  return fail(
    "archive.duplicate",
    `报告编号 ${a.report.id} 已在数据库中（${existing.unitName ?? "未写单位"}${existing.year === null ? "" : `，${existing.year}年度`}），未导入，数据库没有改动。同一编号的报告不能导入两次；要查看文件中的版本，可导入另一个数据库，例如 ziping import-report 报告.json --db /tmp/另一个.db。`,
    a.report.id,
  );
}

/** Every user an archive names (creator, members, authors of events), each once. */
export function archiveUsers(a: ReportArchive): Set<string> {
  return new Set([a.report.createdBy, ...a.members.map((m) => m.userId), ...a.events.map((e) => e.userId)]);
}
