import { readFileSync, statSync } from "node:fs";
import { fail, ok, type Result } from "../core/result.ts";

/** Notes larger than this are refused before reading: they are not notes. */
const MAX_NOTES_BYTES = 2 * 1024 * 1024;

/**
 * Reads the officer's notes for the drafter (`--notes FILE`): UTF-8 text. Long notes are accepted
 * (the prompt builder keeps what fits); a binary or huge file is bad input naming the file.
 */
export function readNotes(path: string | undefined): Result<string | undefined> {
  if (path === undefined) return ok(undefined);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return fail(
      "notes.missing",
      `找不到说明文件 ${path}。--notes 应指向一个 UTF-8 文本文件，例如 --notes 说明.txt`,
      path,
    );
  }
  if (size > MAX_NOTES_BYTES)
    return fail(
      "notes.too_large",
      `说明文件 ${path} 有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 2 MB 上限。请只保留与本报告有关的说明。`,
      path,
    );
  const bytes = readFileSync(path);
  if (bytes.includes(0))
    return fail(
      "notes.binary",
      `说明文件 ${path} 不是文本文件。--notes 应为 UTF-8 文本，例如 说明.txt`,
      path,
    );
  return ok(bytes.toString("utf8"));
}
