import { ok, type Result } from "../../core/result.ts";
import { toJson } from "../read-row.ts";
import {
  archiveOf,
  archiveUsers,
  duplicateArchive,
  type MemberRow,
  type ReportArchive,
} from "../report-archive.ts";
import type { ReportArchiveRepository } from "../repositories.ts";
import type { PgSession } from "./pg-session.ts";
import type { PgStore } from "./pg-store.ts";

/** Whole reports with members and events on PostgreSQL (see storage/report-archive.ts). */
export class PgReportArchives implements ReportArchiveRepository {
  constructor(
    private readonly s: PgSession,
    private readonly store: PgStore,
  ) {}

  /** The report `id` with its members and events, read in one transaction; undefined when missing. */
  export(id: string, now: Date): Promise<ReportArchive | undefined> {
    return this.s.transaction(async () => {
      const row = await this.store.getReport(id);
      if (row === undefined) return undefined;
      const members = await this.s.query<MemberRow>(
        'SELECT user_id, role FROM report_members WHERE report_id = $1 ORDER BY user_id COLLATE "C"',
        [id],
      );
      return archiveOf(row, members, await this.store.listEvents(id), now);
    });
  }

  /** Loads a whole report in one transaction; an id already stored is refused, writing nothing. */
  import(a: ReportArchive, now: Date): Promise<Result<{ events: number }>> {
    return this.s.transaction(async () => {
      const existing = await this.store.getReport(a.report.id);
      if (existing !== undefined) return duplicateArchive(a, existing);
      for (const user of archiveUsers(a)) await this.store.ensureUser(user, undefined, now);
      const r = a.report;
      await this.s.query(
        `INSERT INTO reports (id, unit_name, year, kind, doc, progress_done, progress_total, score, grade,
           created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          r.id,
          r.unitName === null ? null : r.unitName.trim(),
          r.year,
          r.kind,
          toJson(r.doc, "reports", "doc"),
          r.progressDone,
          r.progressTotal,
          r.score,
          r.grade,
          r.createdBy,
          r.createdAt,
          r.updatedAt,
        ],
      );
      for (const m of a.members) await this.store.addMember(r.id, m.userId, m.role);
      for (const e of a.events)
        await this.s.query(
          `INSERT INTO events (report_id, seq, user_id, message_id, at, kind, summary, changes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            r.id,
            e.seq,
            e.userId,
            e.messageId,
            e.at,
            e.kind,
            e.summary,
            toJson(e.changes ?? null, "events", "changes"),
          ],
        );
      return ok({ events: a.events.length });
    });
  }
}
