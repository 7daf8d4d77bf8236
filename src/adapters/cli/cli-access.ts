import { statSync } from "node:fs";
import { userInfo } from "node:os";

/** The OS account running `ziping`: its login name and uid. Never read from a variable the user sets. */
export interface OsUser {
  name: string;
  uid: number;
}

/**
 * The OS account of this process (tests pass their own to `runCli`). An account without a name
 * (a container run with a bare uid) is named by its uid number.
 */
export function currentOsUser(): OsUser {
  try {
    const info = userInfo();
    return { name: info.username, uid: info.uid };
  } catch {
    const uid = process.getuid?.() ?? -1;
    return { name: String(uid), uid };
  }
}

/** Who a command line acts as, and whether they administer the database it opens. */
export interface CliAccess {
  /** The OS login name: the user id of the terminal chat, of `reports`, `export`, `draft`. */
  user: string;
  /** root, the owner of the database file, or a name in ZIPING_ADMINS. */
  admin: boolean;
  /** The data is in PostgreSQL (DATABASE_URL): no database file, so no file owner is an administrator. */
  postgres?: true;
}

/**
 * Whether `uid` owns the database file, or would own it (no file yet: the command creates it). A
 * file that cannot be examined (a folder closed to this user) is not theirs. Without user ids
 * (Windows: uid -1) there is no owner to compare and the file's ACL alone decides, as on a desktop.
 */
function ownsDatabase(uid: number, db: string): boolean {
  if (db === ":memory:" || uid < 0) return true;
  try {
    return statSync(db).uid === uid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT";
  }
}

/**
 * The access of `os` to `db`. Administrators are root, the owner of the database file (who can
 * read and replace it whatever ziping says) and the login names the operator lists in ZIPING_ADMINS.
 * On PostgreSQL (`postgres`: DATABASE_URL is set) there is no file to own: root and ZIPING_ADMINS.
 */
export function cliAccess(os: OsUser, db: string, admins: readonly string[], postgres = false): CliAccess {
  const listed = os.uid === 0 || admins.includes(os.name);
  if (postgres) return { user: os.name, admin: listed, postgres: true };
  return { user: os.name, admin: listed || ownsDatabase(os.uid, db) };
}

/** Commands only an administrator may run: they read or change every user's data. */
export const ADMIN_COMMANDS: ReadonlySet<string> = new Set([
  "units",
  "backup",
  "restore",
  "import-report",
  "migrate",
  "status",
]);

const ADMIN_EXAMPLE: Record<string, string> = {
  units: "npx ziping units add 郑州市金水区电子政务中心 〈登录名〉",
  backup: "npx ziping backup 备份/ziping-2026-12-03.db",
  restore: "npx ziping restore 备份/ziping-2026-12-03.db",
  "import-report": "npx ziping import-report r1a2b3c4d.json",
  migrate: "npx ziping migrate --to postgres://ziping:密码@127.0.0.1:5432/ziping",
  status: "npx ziping status",
};

/** Who counts as an administrator of `db`, for the refusals below. */
function whoAdministers(db: string, access: CliAccess): string {
  return access.postgres === true
    ? "root，或环境变量 ZIPING_ADMINS 中列出的登录名（数据在 PostgreSQL 中，没有可以看所有者的数据库文件）"
    : `root、数据库文件 ${db} 的所有者，或环境变量 ZIPING_ADMINS 中列出的登录名`;
}

/** The refusal of an administrator's command (`units`, `backup`, …) to another user. */
export function adminRequired(command: string, access: CliAccess, db: string): string {
  return [
    `ziping ${command} 只有管理员可以运行：${whoAdministers(db, access)}（您是 ${access.user}）。`,
    `请管理员代为运行，例如：${ADMIN_EXAMPLE[command] ?? `npx ziping ${command}`} --db ${db}`,
  ].join("\n");
}

/** The refusal of `chat --user X` to someone who is neither X nor an administrator. */
export function otherUserRefused(requested: string, access: CliAccess, db: string): string {
  return [
    `选项 --user ${requested}：只有管理员可以用别人的身份对话，您以登录名 ${access.user} 运行。`,
    `请去掉 --user，以您自己的身份填写，例如：npx ziping chat --db ${db}`,
    `要与同事合写一份报告，请管理员把您加入报告所属的单位：ziping units add 〈单位名称〉 ${access.user}`,
  ].join("\n");
}

/**
 * The answer to a report id the user may not open. It is the same for a report that does not
 * exist, as in the chat, so ids of other units cannot be probed.
 */
export function reportNotFound(id: string, access: CliAccess, db: string): string {
  return [
    `没有找到您（${access.user}）可以打开的报告“${id}”。用 ziping reports --db ${db} 查看您可以打开的报告的编号。`,
    `别的单位的报告要由管理员授权：ziping units add 〈单位名称〉 ${access.user}`,
  ].join("\n");
}
