import type { z } from "zod";
import { describeIssues } from "../core/validation.ts";
import { StorageError } from "./storage-error.ts";

/**
 * Validates a row read from `table` (architecture habit 6). A row that does not fit is a broken
 * database, not a user mistake, so it throws a {@link StorageError} "storage.corrupt_row" naming the
 * table, the row and every bad column.
 */
export function readRow<S extends z.ZodType>(
  schema: S,
  row: unknown,
  table: string,
  rowKey: string,
): z.output<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const lines = describeIssues(parsed.error.issues).map((l) => `  - ${l}`);
  throw new StorageError(
    "storage.corrupt_row",
    `数据库表 ${table} 中的行（${rowKey}）已损坏：\n${lines.join("\n")}`,
  );
}

/**
 * Serialises a value for a JSON column. `undefined`, functions and symbols have no JSON form and
 * would otherwise reach SQLite as NULL, so they are refused here with the column's name.
 */
export function toJson(value: unknown, table: string, column: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new StorageError("storage.not_json", `数据库表 ${table} 的字段 ${column} 只能保存可写成 JSON 的值`);
  }
  return text;
}
