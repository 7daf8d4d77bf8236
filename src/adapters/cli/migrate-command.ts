import { describeOccupied, migrateToPostgres, type TableTally } from "../../services/migrate-to-postgres.ts";
import { type CliIo, EXIT, pad } from "./output.ts";

/** Options of `ziping migrate`. */
export interface MigrateCommandOptions {
  db: string;
  /** postgres://… from --to. */
  to: string;
  force: boolean;
  now: Date;
  keepMessageDays: number;
  /** Asks at a terminal (true for 是/y/yes); absent without one, where --force alone replaces. */
  confirm?: (question: string) => Promise<boolean>;
}

/**
 * `ziping migrate --to postgres://… [--db 路径] [--force]`: copies the SQLite deployment into
 * PostgreSQL, then prints every table's count on both sides; exit 0 only when all of them match.
 */
export async function migrateCommand(io: CliIo, o: MigrateCommandOptions): Promise<number> {
  const { confirm } = o;
  const result = await migrateToPostgres({
    db: o.db,
    url: o.to,
    force: o.force,
    now: o.now,
    keepMessageDays: o.keepMessageDays,
    progress: (line) => io.err(line),
    ...(confirm === undefined
      ? {}
      : {
          confirmReplace: (location, occupied) =>
            confirm(
              `PostgreSQL 数据库 ${location} 已有数据（${describeOccupied(occupied)}），将全部清空并换成 ${o.db} 的内容。确认请输入“是”：`,
            ),
        }),
  });
  if (!result.ok) {
    io.err(result.error.message);
    return EXIT.badInput;
  }
  const outcome = result.value;
  if (outcome.kind === "cancelled") {
    io.out(`已取消，PostgreSQL 数据库 ${outcome.location} 没有改动。`);
    return EXIT.ok;
  }
  const mismatched = outcome.tables.filter((t) => t.source !== t.target);
  const lines = [
    outcome.replaced.length === 0
      ? `已把 ${o.db} 复制到 PostgreSQL 数据库 ${outcome.location}。逐表核对行数：`
      : `已清空 PostgreSQL 数据库 ${outcome.location} 原有的数据（${describeOccupied(outcome.replaced)}），并把 ${o.db} 复制过去。逐表核对行数：`,
    ...outcome.tables.map(tallyLine),
    mismatched.length === 0
      ? "全部一致。各实例设置 DATABASE_URL 指向该数据库后即可使用；SQLite 文件保持原样，可留作备份。"
      : `有 ${mismatched.length} 张表行数不一致（${mismatched.map((t) => t.label).join("、")}）：请不要切换到 PostgreSQL，查明原因后用 --force 重新迁移。`,
  ];
  io.out(lines.join("\n"));
  return mismatched.length === 0 ? EXIT.ok : EXIT.badInput;
}

function tallyLine(t: TableTally): string {
  const mark = t.source === t.target ? "一致" : "不一致";
  return `  ${pad(t.label, 22)} ${pad(t.table, 34)} SQLite ${String(t.source).padStart(8)}  PostgreSQL ${String(t.target).padStart(8)}  ${mark}`;
}
