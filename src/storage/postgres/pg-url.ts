/**
 * Where a PostgreSQL URL points (host, port and database), without user or password: what may be
 * printed of DATABASE_URL or `ziping migrate --to`.
 */
export function databaseLocation(url: string): string {
  if (!URL.canParse(url)) return "（地址不是有效网址）";
  const u = new URL(url);
  return `${u.hostname}${u.port === "" ? "" : `:${u.port}`}${u.pathname}`;
}

/** `text` with the URL's password (as written and decoded) replaced by ***, for error messages. */
export function withoutPassword(text: string, url: string): string {
  if (!URL.canParse(url)) return text;
  const raw = new URL(url).password;
  if (raw === "") return text;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape: the password is then only hidden as written
  }
  return text.replaceAll(raw, "***").replaceAll(decoded, "***");
}

/**
 * Why a connection to `url` failed, in Chinese, with what to check in `setting` (DATABASE_URL or
 * --to): the common failures (nothing listening, unknown host, timeout, wrong password, refused by
 * pg_hba.conf, no such database) named; anything else as the server said it, without the password.
 */
export function connectionProblem(error: unknown, url: string, setting: string): string {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const u = URL.canParse(url) ? new URL(url) : undefined;
  const host = u?.hostname ?? "";
  const port = u?.port === "" || u === undefined ? "5432" : u.port;
  const database = decodeURIComponent(u?.pathname.replace(/^\//u, "") ?? "");
  const user = decodeURIComponent(u?.username ?? "");
  const example = "例如 postgres://ziping:密码@127.0.0.1:5432/ziping";
  switch (code) {
    case "ECONNREFUSED":
      return `${host} 的 ${port} 端口上没有 PostgreSQL 在接受连接（连接被拒绝）。请确认数据库服务已启动，并检查 ${setting} 中的主机和端口，${example}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `找不到主机“${host}”。请检查 ${setting} 中的主机名，${example}`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `连不上 ${host}:${port}（网络不通或超时）。请检查网络、防火墙和 ${setting} 中的主机与端口`;
    case "28P01":
      return `用户“${user}”的密码不对。请检查 ${setting} 中的用户名和密码（密码里的 @ : / # 等字符要写成 %40 %3A %2F %23）`;
    case "28000":
      return `数据库服务器不允许用户“${user}”从这台机器连接（pg_hba.conf 中没有对应的规则）。请数据库管理员放行，或换用允许的账户`;
    case "3D000":
      return `数据库“${database}”不存在。请数据库管理员先建库（例如 CREATE DATABASE ${database === "" ? "ziping" : database} OWNER ${user === "" ? "ziping" : user};）`;
    default:
      return withoutPassword(typeof e.message === "string" ? e.message : String(error), url);
  }
}
