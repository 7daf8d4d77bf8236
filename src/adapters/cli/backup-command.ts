import { existsSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import {
  backupDatabase,
  describeCounts,
  inspectDatabase,
  postgresBackupRefusal,
  restoreDatabase,
} from "../../services/database-backup.ts";
import { type CliIo, EXIT } from "./output.ts";

/** `ziping backup <file>`: a consistent copy of the database, checked to open, with its counts. */
export async function backupCommand(
  io: CliIo,
  db: string,
  target: string,
  options: { force: boolean; postgres: string | undefined },
): Promise<number> {
  if (options.postgres !== undefined) {
    io.err(postgresBackupRefusal("backup", options.postgres));
    return EXIT.badInput;
  }
  const copied = await backupDatabase(db, target, options.force);
  if (!copied.ok) {
    io.err(copied.error.message);
    return EXIT.badInput;
  }
  io.out(`已备份 ${db} 到 ${target}，并核对备份可以打开：${describeCounts(copied.value)}。`);
  return EXIT.ok;
}

/** Options of `ziping restore`. */
export interface RestoreOptions {
  db: string;
  /** DATABASE_URL when set and no --db was given: the data is in PostgreSQL, restore refuses. */
  postgres?: string;
  /** --yes: no question asked (scripts). */
  yes: boolean;
  now: Date;
  /**
   * Asks the officer at a terminal and resolves true for 是/y/yes; absent when there is no
   * terminal, in which case --yes is required.
   */
  confirm?: (question: string) => Promise<boolean>;
}

/**
 * `ziping restore <file>`: checks the file is a ziping database, asks for confirmation (or
 * requires --yes without a terminal), keeps the current database as
 * `<db>.before-restore-<timestamp>` and puts the file's content in its place.
 */
export async function restoreCommand(io: CliIo, file: string, options: RestoreOptions): Promise<number> {
  if (options.postgres !== undefined) {
    io.err(postgresBackupRefusal("restore", options.postgres));
    return EXIT.badInput;
  }
  const incoming = inspectDatabase(file);
  if (!incoming.ok) {
    io.err(incoming.error.message);
    return EXIT.badInput;
  }
  if (!options.yes) {
    if (options.confirm === undefined) {
      io.err(
        `恢复会替换数据库 ${options.db}。不在终端中运行时须加 --yes 确认，例如 ziping restore ${file} --yes。`,
      );
      return EXIT.badInput;
    }
    const current = existsSync(options.db) ? inspectDatabase(options.db) : undefined;
    const now = current?.ok === true ? `（现有${describeCounts(current.value)}）` : "";
    const question = `将用 ${file}（${describeCounts(incoming.value)}）替换数据库 ${options.db}${now}；当前数据库会先另存一份。确认恢复请输入“是”：`;
    if (!(await options.confirm(question))) {
      io.out("已取消，数据库没有改动。");
      return EXIT.ok;
    }
  }
  const restored = await restoreDatabase(file, options.db, options.now);
  if (!restored.ok) {
    io.err(restored.error.message);
    return EXIT.badInput;
  }
  const { counts, kept } = restored.value;
  io.out(
    `已恢复：数据库 ${options.db} 现在是 ${file} 的内容（${describeCounts(counts)}）。${kept === null ? "" : `原数据库已保存为 ${kept}。`}`,
  );
  return EXIT.ok;
}

/** Asks on the process's terminal; undefined when stdin is not a terminal (scripts, pipes). */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (process.stdin.isTTY !== true) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const answer = (await rl.question(question)).trim().toLowerCase();
      return answer === "是" || answer === "y" || answer === "yes";
    } finally {
      rl.close();
    }
  };
}
