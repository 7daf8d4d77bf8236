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
