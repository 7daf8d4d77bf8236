import { StorageError } from "../storage-error.ts";

/** Rows per chunk handed to the COPY stream: large enough to keep the socket busy, small in memory. */
const ROWS_PER_CHUNK = 10_000;

/**
 * Integer rows in COPY's text format (tab between columns, a newline after each row, `\N` for
 * null), a chunk of lines at a time. Only integers are written, so nothing needs escaping; any
 * other value is refused rather than written into the stream, where a tab or newline in a string
 * would shift the columns.
 */
export function* integerCopyText(
  rows: Iterable<readonly unknown[]>,
  table: string,
  perChunk: number = ROWS_PER_CHUNK,
): Generator<string> {
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(row.map((v) => cell(v, table)).join("\t"));
    if (lines.length < perChunk) continue;
    yield `${lines.join("\n")}\n`;
    lines = [];
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

function cell(value: unknown, table: string): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  throw new StorageError(
    "storage.corrupt_row",
    `表 ${table} 中有非整数的值：${String(value)}，无法用 COPY 复制（这张表的每一列都应是整数）`,
  );
}
