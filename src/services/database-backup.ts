/**
 * Backing up and restoring the deployment's database file as a whole (`ziping backup`, `ziping
 * restore`): file operations on SQLite, not a repository, so they are defined with the storage and
 * reached by channels through here.
 */
import { databaseLocation } from "../storage/postgres/pg-url.ts";

export { backupDatabase, describeCounts, inspectDatabase, restoreDatabase } from "../storage/backup.ts";

/**
 * Why `ziping backup` / `restore` do nothing when DATABASE_URL is set and no --db is given: the
 * deployment's data is in PostgreSQL, which pg_dump / pg_restore back up; the SQLite file these
 * commands copy is not where the reports are.
 */
export function postgresBackupRefusal(command: "backup" | "restore", url: string): string {
  const where = `PostgreSQL 数据库 ${databaseLocation(url)}`;
  const how =
    command === "backup"
      ? `请用 pg_dump 备份，例如 pg_dump -Fc -d "$DATABASE_URL" -f 备份/ziping-2026-12-04.dump`
      : `请用 pg_restore 恢复到一个新库，例如 pg_restore -d postgres://ziping@db.example.gov.cn:5432/ziping_restored 备份/ziping-2026-12-04.dump`;
  return `设置了 DATABASE_URL：报告在${where}中，ziping ${command} 只处理本机 SQLite 文件，不会${command === "backup" ? "备份" : "恢复"}这些数据。${how}（见 README“运维”一节）。确实要${command === "backup" ? "备份" : "恢复"} SQLite 文件时，用 --db 写明文件，例如 ziping ${command} ${command === "backup" ? "备份/ziping-2026-12-04.db" : "备份/ziping-2026-12-04.db"} --db data/ziping.db。`;
}
